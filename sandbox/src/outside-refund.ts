import { formatTxdtm } from "@qfpay-medusa/shared";
import { QfpayRefusal, SandboxControlError } from "./errors.js";
import { findEntry } from "./ledger-actions.js";
import { snapshot, type Ledger } from "./ledger.js";
import { bookRefund } from "./refund-booking.js";
import type { LedgerEntry } from "./types.js";

/**
 * A refund made in QFPay's merchant portal or app rather than through the API: the merchant chose no number, so
 * QFPay's own serial stands as its `out_trade_no`. It succeeds at once and is notified like any refund.
 */
export function refundOutside(ledger: Ledger, paymentId: string, txamt?: number): LedgerEntry {
  if (txamt !== undefined && !(Number.isSafeInteger(txamt) && txamt > 0)) {
    throw new SandboxControlError("bad_request", "txamt must be a whole number of minor units > 0");
  }
  const original = findEntry(ledger, paymentId);
  const syssn = ledger.issueSyssn();
  try {
    const refund = bookRefund(ledger, original, {
      syssn,
      outTradeNo: syssn,
      txamt: txamt ?? original.txamt - original.refunded,
      txdtm: formatTxdtm(ledger.now(), original.txzone),
      txzone: original.txzone,
    });
    ledger.settle(refund);
    return snapshot(refund);
  } catch (error) {
    if (error instanceof QfpayRefusal) throw new SandboxControlError("invalid_state", error.message);
    throw error;
  }
}
