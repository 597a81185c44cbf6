export { QfpayClient, type QfpayClientOptions, type ClientInput } from "./qfpay-client.js";
export {
  QfpayError,
  QfpayGatewayError,
  QfpayTransportError,
  QfpayRateLimitError,
  QfpayRequestError,
  QfpayNotificationError,
  type EndpointName,
  type TransportErrorKind,
} from "./errors.js";
export { selectPaymentRecord, type PaymentRecordSelection } from "./select-payment-record.js";
export { parseNotification } from "./parse-notification.js";
export { parseQfpayJson } from "./response-json.js";
export { JSON_ENDPOINTS, TRADE_BILL_ENDPOINT, WECHAT_TOOL_ENDPOINTS } from "./endpoints.js";
export { wechatOauthCodeUrl, fetchWechatOpenid, type WechatOauthCredentials } from "./wechat-oauth.js";
export { wechatCashierUrl, type WechatCashierOrder } from "./wechat-cashier.js";
