import { z } from "zod";
import { payTypeField } from "./schemas/fields.js";

/**
 * The contract between the plugin's store route `GET /store/qfpay/payment-sessions/:id`
 * (and `POST .../refresh`) and the `<qfpay-checkout>` element. Browser-safe: no secrets, no Node.
 */
export const CHECKOUT_STATUSES = [
  "pending",
  "processing",
  "succeeded",
  "failed",
  "expired",
  "canceled",
] as const;

export type CheckoutStatusValue = (typeof CHECKOUT_STATUSES)[number];

/** States after which nothing changes any more for this QFPay order. */
export const FINAL_CHECKOUT_STATUSES: readonly CheckoutStatusValue[] = [
  "succeeded",
  "failed",
  "expired",
  "canceled",
];

/** `qr`: show `qrcode`; `redirect`: send the shopper to `pay_url`; `jsapi`: open WeChat's payment sheet with `pay_params`. */
export const checkoutModeSchema = z.enum(["qr", "redirect", "jsapi"]);
export type CheckoutMode = z.infer<typeof checkoutModeSchema>;

/**
 * What QFPay answers a WeChat JSAPI (800207) payment with, to hand to
 * `WeixinJSBridge.invoke("getBrandWCPayRequest", pay_params, ...)` inside WeChat unchanged.
 */
export const wechatPayParamsSchema = z
  .object({
    appId: z.string().min(1),
    timeStamp: z.string().min(1),
    nonceStr: z.string().min(1),
    package: z.string().min(1),
    signType: z.string().min(1),
    paySign: z.string().min(1),
  })
  .passthrough();
export type WechatPayParams = z.infer<typeof wechatPayParamsSchema>;

export const checkoutStatusSchema = z.object({
  session_id: z.string().min(1),
  status: z.enum(CHECKOUT_STATUSES),
  /** QFPay pay type code, e.g. "800201". */
  pay_type: payTypeField,
  /** Wallet id from the pay-type catalog, e.g. "wechat", "alipay_hk", "fps". */
  wallet: z.string().min(1),
  mode: checkoutModeSchema,
  /** The text to encode in the QR code (mode "qr"). */
  qrcode: z.string().min(1).optional(),
  /** The wallet page to send the shopper to (mode "redirect"); in mode "jsapi", QFPay's cashier page when given. */
  pay_url: z.string().url().optional(),
  /** Mode "jsapi" while the payment is open: the parameters of WeChat's payment sheet. */
  pay_params: wechatPayParamsSchema.optional(),
  /** Amount in the currency's minor unit (QFPay `txamt`). */
  amount: z.number().int().nonnegative(),
  /** Digits of QFPay's minor unit for this currency (`amount` / 10^amount_exponent is the major amount). */
  amount_exponent: z.number().int().min(0).max(4),
  /** ISO 4217, lower case as Medusa uses it. */
  currency_code: z.string().length(3),
  /** ISO 8601 instant at which the code stops working. */
  expires_at: z.string().datetime({ offset: true }).nullable(),
  /** The server's clock when it answered (ISO 8601), so a countdown does not trust the shopper's clock. */
  server_time: z.string().datetime({ offset: true }),
  /** A short, shopper-safe reason for failed/canceled/expired states. */
  message: z.string().optional(),
});

export type CheckoutStatus = z.infer<typeof checkoutStatusSchema>;

/** Error body the store routes answer with on 4xx/5xx (Medusa's shape). */
export const checkoutErrorSchema = z.object({
  type: z.string().optional(),
  message: z.string(),
  code: z.string().optional(),
});
export type CheckoutError = z.infer<typeof checkoutErrorSchema>;

/** Device classes as the pay-types route names them (see catalogs/devices.ts). */
export const STORE_DEVICE_CLASSES = ["desktop", "phone", "wechat"] as const;

/** One entry of `GET /store/qfpay/pay-types?cart_id=…`. */
export const storePayTypeSchema = z.object({
  pay_type: payTypeField,
  /** Wallet id from the catalog, e.g. "alipay_hk", "payme". */
  wallet: z.string().min(1),
  /** The wallet's name as shoppers know it (English; the widget may translate). */
  name: z.string().min(1),
  /** How the widget shows it. */
  mode: checkoutModeSchema,
  /** The catalog's mode: "mpm" (QR), "web", "wap" (the wallet's page), "jsapi" (inside WeChat). */
  pay_mode: z.enum(["mpm", "web", "wap", "jsapi"]),
  /** Alipay pre-authorization: funds are frozen now and captured later. */
  preauth: z.boolean(),
  /** Whether it works on the device class of the request (`device`). */
  fits_device: z.boolean(),
  /** The device classes it works on. */
  devices: z.array(z.enum(STORE_DEVICE_CLASSES)),
  /** What the documents say about refunds: "partial", "full", or "unstated" (ask QFPay). */
  refunds: z.enum(["partial", "full", "unstated"]),
});
export type StorePayType = z.infer<typeof storePayTypeSchema>;

export const storePayTypesSchema = z.object({
  cart_id: z.string().min(1),
  currency_code: z.string().length(3),
  /** The device class the order is for: from `?device=`, else the request's User-Agent. */
  device: z.enum(STORE_DEVICE_CLASSES),
  /** The payment provider to create the session with, `pp_qfpay_<id>`; null when the cart's region has none. */
  provider_id: z.string().nullable(),
  /** Whether the storefront may send `data.pay_type`; otherwise the server picks `default_pay_type`. */
  storefront_may_choose: z.boolean(),
  /** What the server uses when the storefront sends no pay type (null when it fits neither currency nor region). */
  default_pay_type: payTypeField.nullable(),
  /** Best choice for the device first; the ones that do not fit the device last. */
  pay_types: z.array(storePayTypeSchema),
});
export type StorePayTypes = z.infer<typeof storePayTypesSchema>;
