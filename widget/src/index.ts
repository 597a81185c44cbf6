// The element class and its types, without registering the tag (import "./define.js" for that).
export { QfpayCheckout } from "./qfpay-checkout.js";
export { CheckoutApiError, type CheckoutApiErrorCode, type CheckoutEndpoint } from "./api.js";
export { safeRedirectUrl } from "./redirect-guard.js";
export { resolveLocale, LOCALES, type LocaleId, type Messages, type ErrorCode, type ConfigErrorCode } from "./i18n/index.js";
export type * from "./events.js";
export type { CheckoutStatus, CheckoutStatusValue, CheckoutMode } from "@qfpay-medusa/shared/checkout";
