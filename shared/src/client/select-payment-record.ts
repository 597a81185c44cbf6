import { statusCode, type Outcome } from "../catalogs/status-codes.js";
import type { QueryRecord, QueryResponse } from "../schemas/query.js";

export interface PaymentRecordSelection {
  /** The payment record that tells the order's state: the successful one if any, else the latest. */
  record: QueryRecord | undefined;
  /** Every `order_type=payment` record for the query, in QFPay's order. */
  payments: readonly QueryRecord[];
  /** The record's outcome from the status-code catalog (undefined when there is no payment record). */
  outcome: Outcome | undefined;
  /** More than one successful payment under one number: an alarm for a person, not a choice for code. */
  multipleSucceeded: boolean;
}

/**
 * A query by out_trade_no can list payments, refunds and closes: the payment record(s) carry the order's state
 * in their own `respcd` (the outer one only says the query worked).
 */
export function selectPaymentRecord(response: Pick<QueryResponse, "data">): PaymentRecordSelection {
  const payments = response.data.filter((record) => record.order_type.toLowerCase() === "payment");
  const succeeded = payments.filter((record) => record.respcd === "0000");
  const latest = [...payments].sort((a, b) => (a.sysdtm ?? "").localeCompare(b.sysdtm ?? "")).at(-1);
  const record = succeeded[0] ?? latest;
  return {
    record,
    payments,
    outcome: record ? statusCode(record.respcd).outcome : undefined,
    multipleSucceeded: succeeded.length > 1,
  };
}
