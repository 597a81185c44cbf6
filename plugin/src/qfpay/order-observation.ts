import { statusCode, type QueryRecord } from "@qfpay-medusa/shared";
import { ORDER_END_BY_RESPCD } from "./qfpay-tables";
import { paidStateOf, type QfpaySessionData } from "./session-data";
import { STATE_TABLE } from "./state-mapping";

export interface Observation {
  data: QfpaySessionData;
  /** QFPay kept answering "in progress" for longer than allowed: the order must be withdrawn. */
  timedOut: boolean;
}

export interface ObserveOptions {
  now: Date;
  inProgressTimeoutSeconds: number;
  /**
   * The shopper has started paying (the checkout was submitted). QFPay answers 1143 both for a code nobody has
   * scanned yet and for a payment being confirmed, so the reference's rule — still 1143/1145 two minutes after
   * the shopper started paying: cancel — runs from the first such answer after this moment.
   */
  shopperStartedPaying: boolean;
}

/**
 * The next recorded state of an order after QFPay's query answered with `record` (the order's payment
 * record, or undefined when QFPay lists none yet). Pure: the caller does the talking to QFPay.
 */
export function observeOrder(
  data: QfpaySessionData,
  record: QueryRecord | undefined,
  { now, inProgressTimeoutSeconds, shopperStartedPaying }: ObserveOptions,
): Observation {
  // Our own withdrawal (close, unfreeze) or a capture already decided the outcome.
  if (STATE_TABLE[data.state].final) return { data, timedOut: false };
  if (!record) return { data, timedOut: false };

  if (record.txamt !== data.amount || record.txcurrcd.toUpperCase() !== data.currency_code.toUpperCase()) {
    return {
      data: ended(data, "failed", `QFPay reports ${record.txamt} ${record.txcurrcd} for this order, not ${data.amount} ${data.currency_code.toUpperCase()}`),
      timedOut: false,
    };
  }

  const syssn = data.syssn ?? record.syssn;
  const entry = statusCode(record.respcd);
  switch (entry.outcome) {
    case "succeeded":
      return { data: withoutMessage({ ...data, syssn, state: paidStateOf(data) }), timedOut: false };
    case "in_progress": {
      if (data.processing_since === undefined && !shopperStartedPaying) {
        return { data: { ...data, syssn, state: "pending" }, timedOut: false };
      }
      const since = data.processing_since ?? now.toISOString();
      const waited = (now.getTime() - Date.parse(since)) / 1000;
      return {
        data: { ...data, syssn, state: "processing", processing_since: since },
        timedOut: waited >= inProgressTimeoutSeconds,
      };
    }
    case "retryable":
      return { data: { ...data, syssn }, timedOut: false };
    case "failed": {
      const end = ORDER_END_BY_RESPCD[record.respcd] ?? "failed";
      return { data: ended({ ...data, syssn }, end, `${entry.message} (${record.respcd})`), timedOut: false };
    }
  }
}

export function ended(data: QfpaySessionData, state: "failed" | "expired" | "canceled", message: string): QfpaySessionData {
  return { ...data, state, state_message: message };
}

function withoutMessage(data: QfpaySessionData): QfpaySessionData {
  const { state_message: _dropped, ...rest } = data;
  return rest;
}
