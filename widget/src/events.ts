import type { CheckoutStatus, CheckoutStatusValue } from "@qfpay-medusa/shared/checkout";
import type { ErrorCode } from "./i18n/messages.js";

export interface QfpayStatusDetail {
  status: CheckoutStatusValue;
  /** The status before this change; null for the first one seen. */
  previous: CheckoutStatusValue | null;
  checkout: CheckoutStatus;
}

export interface QfpaySucceededDetail {
  sessionId: string;
  checkout: CheckoutStatus;
}

export interface QfpayFailedDetail {
  sessionId: string;
  status: "failed" | "canceled";
  /** A shopper-safe reason from the server, when it gave one. */
  message: string | undefined;
  checkout: CheckoutStatus;
}

export interface QfpayExpiredDetail {
  sessionId: string;
  /** The expiry instant of the code that ran out (server time, ISO 8601). */
  expiresAt: string | null;
}

export interface QfpayErrorDetail {
  code: ErrorCode;
  message: string;
  /** True for errors the element keeps retrying (network, 5xx). */
  transient: boolean;
}

export interface QfpayRedirectDetail {
  url: string;
}

export interface QfpaySessionDetail {
  /** The payment session the drop-in opened (replacing the cart's earlier one, if any). */
  sessionId: string;
  cartId: string;
  payType: string;
}

export interface QfpayEventDetails {
  "qfpay-status": QfpayStatusDetail;
  "qfpay-succeeded": QfpaySucceededDetail;
  "qfpay-failed": QfpayFailedDetail;
  "qfpay-expired": QfpayExpiredDetail;
  "qfpay-error": QfpayErrorDetail;
  /** Cancelable: call preventDefault() to navigate yourself (e.g. with a router). */
  "qfpay-redirect": QfpayRedirectDetail;
  /** Drop-in mode: a payment session was opened for the cart. */
  "qfpay-session": QfpaySessionDetail;
}

export type QfpayEventName = keyof QfpayEventDetails;

/** Builds one of the element's events: always bubbles and crosses shadow roots. */
export function qfpayEvent<K extends QfpayEventName>(
  name: K,
  detail: QfpayEventDetails[K],
  options: Pick<EventInit, "cancelable"> = {},
): CustomEvent<QfpayEventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, ...options });
}

type QfpayEventMap = { [K in QfpayEventName]: CustomEvent<QfpayEventDetails[K]> };

declare global {
  // On elements, and on window/document/any node the events bubble to (addEventListener, on… handlers' types).
  interface HTMLElementEventMap extends QfpayEventMap {}
  interface GlobalEventHandlersEventMap extends QfpayEventMap {}
}
