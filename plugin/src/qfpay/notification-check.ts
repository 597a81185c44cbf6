import { parseNotification, parseOutTradeNo, QfpayNotificationError, type Notification } from "@qfpay-medusa/shared/server";
import type { QfpaySessionData } from "./session-data";

/**
 * What a notification is about, by QFPay's `notify_type` and the kind part of our out_trade_no
 * ("p" payment, "c" pre-authorization capture, "r1", "r2", ... refunds). Anything else (close, unfreeze,
 * capture, types QFPay adds later) is acknowledged and changes nothing.
 */
const TOPICS: ReadonlyArray<{ notifyType: string; kind: RegExp; topic: "payment" | "refund" }> = [
  { notifyType: "payment", kind: /^p$/, topic: "payment" },
  { notifyType: "refund", kind: /^r\d+$/, topic: "refund" },
];

export type NotificationVerdict =
  /** Not from QFPay (signature) or not a notification (body): change nothing, do not acknowledge. */
  | { kind: "rejected"; reason: "bad_signature" | "bad_body"; detail: string }
  /** Signed by QFPay but for an out_trade_no this store did not make. */
  | { kind: "foreign"; notification: Notification }
  | {
      kind: "payment" | "refund" | "other";
      notification: Notification;
      sessionId: string;
      attempt: number;
    };

/**
 * Verifies the signature over the raw body with the provider's own key, then tells what the notification is about.
 * Nothing is parsed before the signature holds.
 */
export function readNotification(
  rawBody: string | Uint8Array,
  signature: string | null | undefined,
  clientKey: string,
  outTradeNoPrefix?: string,
): NotificationVerdict {
  let notification: Notification;
  try {
    notification = parseNotification(rawBody, signature, clientKey);
  } catch (error) {
    if (error instanceof QfpayNotificationError) return { kind: "rejected", reason: error.kind, detail: error.message };
    throw error;
  }
  const parts = parseOutTradeNo(notification.out_trade_no);
  if (!parts || parts.prefix !== outTradeNoPrefix) return { kind: "foreign", notification };
  const notifyType = notification.notify_type.toLowerCase();
  const topic = TOPICS.find((row) => row.notifyType === notifyType && row.kind.test(parts.kind))?.topic ?? "other";
  return { kind: topic, notification, sessionId: parts.reference, attempt: parts.attempt };
}

export type PaymentMatch = { ok: true } | { ok: false; reason: string };

/** A payment notification must be the session's current order, successful, for its amount and currency. */
export function matchPaymentToSession(notification: Notification, data: QfpaySessionData): PaymentMatch {
  if (notification.out_trade_no !== data.out_trade_no) {
    return { ok: false, reason: `it is for order ${notification.out_trade_no}, the session's current order is ${data.out_trade_no}` };
  }
  if (notification.respcd !== "0000") return { ok: false, reason: `its respcd is ${notification.respcd}, not 0000` };
  if (notification.txamt !== data.amount) {
    return { ok: false, reason: `its amount ${notification.txamt} differs from the session's ${data.amount}` };
  }
  if (notification.txcurrcd.toUpperCase() !== data.currency_code.toUpperCase()) {
    return { ok: false, reason: `its currency ${notification.txcurrcd} differs from the session's ${data.currency_code.toUpperCase()}` };
  }
  return { ok: true };
}

/** A header value from Node's or Medusa's header records (names compared case-insensitively). */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    if (typeof value === "string") return value;
    if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  }
  return undefined;
}
