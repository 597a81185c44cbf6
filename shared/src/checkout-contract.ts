/**
 * The contract between the plugin's checkout routes and the `<qfpay-checkout>` element, as plain constants and
 * types: the status route (`GET /qfpay/payment-sessions/:id`, the same under `/store`, and `POST /store/…/refresh`)
 * and the pay-types route (`GET /store/qfpay/pay-types?cart_id=…`). No zod: browsers import it through `@qfpay-medusa/shared/checkout`,
 * and checkout-status.ts builds the server's schemas over these lists. Browser-safe: no secrets, no Node.
 */
import type { DeviceClass } from "./catalogs/devices.js";
import type { PayMode } from "./catalogs/pay-types.js";
import type { RefundSupport } from "./catalogs/refunds.js";
import type { Outcome } from "./catalogs/status-codes.js";

export const CHECKOUT_STATUSES = ["pending", "processing", "succeeded", "failed", "expired", "canceled"] as const;
export type CheckoutStatusValue = (typeof CHECKOUT_STATUSES)[number];

/** States after which nothing changes any more for this QFPay order. */
export const FINAL_CHECKOUT_STATUSES = ["succeeded", "failed", "expired", "canceled"] as const satisfies readonly CheckoutStatusValue[];
export type FinalCheckoutStatus = (typeof FINAL_CHECKOUT_STATUSES)[number];
/** The order is open: the code can still be paid, or QFPay is confirming a payment. */
export type OpenCheckoutStatus = Exclude<CheckoutStatusValue, FinalCheckoutStatus>;

/**
 * What a status says about the shopper's money. `in_progress`, `succeeded` and `failed` are the status catalog's
 * outcomes (catalogs/status-codes.ts: QFPay answered 1143/1145, 0000, or a decline); `open`: nothing paid yet, the
 * code can still be paid; `lapsed`: ended without a payment (expired or canceled), nothing charged.
 */
export type CheckoutOutcome = Exclude<Outcome, "retryable"> | "open" | "lapsed";

export const CHECKOUT_STATUS_OUTCOMES = {
  pending: "open",
  processing: "in_progress",
  succeeded: "succeeded",
  failed: "failed",
  expired: "lapsed",
  canceled: "lapsed",
} as const satisfies Readonly<Record<CheckoutStatusValue, CheckoutOutcome>>;

export function isCheckoutStatusValue(value: unknown): value is CheckoutStatusValue {
  return (CHECKOUT_STATUSES as readonly unknown[]).includes(value);
}

export function isFinalCheckoutStatus(status: CheckoutStatusValue): status is FinalCheckoutStatus {
  return (FINAL_CHECKOUT_STATUSES as readonly string[]).includes(status);
}

/** `qr`: show `qrcode`; `redirect`: send the shopper to `pay_url`; `jsapi`: open WeChat's payment sheet with `pay_params`. */
export const CHECKOUT_MODES = ["qr", "redirect", "jsapi"] as const;
export type CheckoutMode = (typeof CHECKOUT_MODES)[number];

export function isCheckoutMode(value: unknown): value is CheckoutMode {
  return (CHECKOUT_MODES as readonly unknown[]).includes(value);
}

/**
 * What QFPay answers a WeChat JSAPI (800207) payment with, to hand to
 * `WeixinJSBridge.invoke("getBrandWCPayRequest", pay_params, ...)` inside WeChat unchanged.
 */
export interface WechatPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
  [field: string]: unknown;
}

/** The body of the status route. */
export interface CheckoutStatus {
  session_id: string;
  status: CheckoutStatusValue;
  /** QFPay pay type code, e.g. "800201". */
  pay_type: string;
  /** Wallet id from the pay-type catalog, e.g. "wechat", "alipay_hk", "fps". */
  wallet: string;
  mode: CheckoutMode;
  /** The text to encode in the QR code (mode "qr"). */
  qrcode?: string | undefined;
  /** The wallet page to send the shopper to (mode "redirect"); in mode "jsapi", QFPay's cashier page when given. */
  pay_url?: string | undefined;
  /** Mode "jsapi" while the payment is open: the parameters of WeChat's payment sheet. */
  pay_params?: WechatPayParams | undefined;
  /** Amount in the currency's minor unit (QFPay `txamt`). */
  amount: number;
  /** Digits of QFPay's minor unit for this currency (`amount` / 10^amount_exponent is the major amount). */
  amount_exponent: number;
  /** ISO 4217, lower case as Medusa uses it. */
  currency_code: string;
  /** ISO 8601 instant at which the code stops working. */
  expires_at: string | null;
  /** The server's clock when it answered (ISO 8601), so a countdown does not trust the shopper's clock. */
  server_time: string;
  /** A short, shopper-safe reason for failed/canceled/expired states. */
  message?: string | undefined;
}

/** The catalog's pay modes a web checkout can show (see `checkoutModeOf`). */
export const STORE_PAY_MODES = ["mpm", "web", "wap", "jsapi"] as const satisfies readonly PayMode[];
export type StorePayMode = (typeof STORE_PAY_MODES)[number];

/** One entry of the pay-types route. */
export interface StorePayType {
  pay_type: string;
  /** Wallet id from the catalog, e.g. "alipay_hk", "payme". */
  wallet: string;
  /** The wallet's name as shoppers know it (English; the widget may translate). */
  name: string;
  /** How the widget shows it. */
  mode: CheckoutMode;
  /** The catalog's mode: "mpm" (QR), "web", "wap" (the wallet's page), "jsapi" (inside WeChat). */
  pay_mode: StorePayMode;
  /** Alipay pre-authorization: funds are frozen now and captured later. */
  preauth: boolean;
  /** Whether it works on the device class of the request (`device`). */
  fits_device: boolean;
  /** The device classes it works on. */
  devices: DeviceClass[];
  /** What the documents say about refunds: "partial", "full", or "unstated" (ask QFPay). */
  refunds: RefundSupport;
}

/** The body of the pay-types route. */
export interface StorePayTypes {
  cart_id: string;
  currency_code: string;
  /** The device class the order is for: from `?device=`, else the request's User-Agent. */
  device: DeviceClass;
  /** The payment provider to create the session with, `pp_qfpay_<id>`; null when the cart's region has none. */
  provider_id: string | null;
  /** Whether the storefront may send `data.pay_type`; otherwise the server picks `default_pay_type`. */
  storefront_may_choose: boolean;
  /** What the server uses when the storefront sends no pay type (null when it fits neither currency nor region). */
  default_pay_type: string | null;
  /** Best choice for the device first; the ones that do not fit the device last. */
  pay_types: StorePayType[];
}
