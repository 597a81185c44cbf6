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
