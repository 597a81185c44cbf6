/**
 * The QFPay side of the plugin, with no Medusa types: the merchant options, the orders' lifecycle over the shared
 * client, what is kept in `session.data`, the state table, how a query answer or a notification is read, and QFPay's
 * own tables. The Medusa adapter (`providers/qfpay`), the core and the routes use it through this file only.
 */
export { createQfpayClient } from "./client-factory";
export { headerValue, readNotification } from "./notification-check";
export { baseUrlOf, parseQfpayOptions, qfpayOptionsSchema, type QfpayProviderOptions, type ResolvedQfpayOptions } from "./options";
export { ended, observeOrder } from "./order-observation";
export { PayTypeNotOfferedError, selectPayType } from "./pay-type-selection";
export { QfpayOperationError, type QfpayOperationErrorCode } from "./qfpay-operation-error";
export { nextAttempt, QfpayOrders, type NewOrder, type OrderChange, type QfpayApi } from "./qfpay-orders";
export { checkReturnUrl, ReturnUrlError } from "./return-url";
export { paidStateOf, readSessionData, refundedAmount, SessionDataError, type QfpaySessionData } from "./session-data";
export { checkoutStatusOf, holdsMoney, STATE_TABLE, type QfpayState } from "./state-mapping";
