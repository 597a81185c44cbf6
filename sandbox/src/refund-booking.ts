import { QfpayRefusal } from "./errors.js";
import type { Entry, Ledger } from "./ledger.js";

/** Why an entry cannot be refunded, by state; a missing state means it can. */
const UNREFUNDABLE_STATES: Partial<Record<Entry["state"], [respcd: string, reason: string]>> = {
  pending: ["1261", "the order has not been paid"],
  holding: ["1261", "the order has not been paid"],
  closed: ["1264", "the order is closed"],
  expired: ["1264", "the order expired unpaid"],
  failed: ["1136", "the payment failed"],
};

export interface RefundRequest {
  outTradeNo: string;
  txamt: number;
  txdtm: string;
  txzone: string;
  udid?: string;
  /** A syssn issued beforehand (when the number depends on it). */
  syssn?: string;
}

/**
 * Books a refund of `original` (a payment or pre-auth deduct), still open, with its amount reserved: partial and
 * repeated refunds up to the paid amount (1272 above it, 1125 once nothing is left). Refusals are QFPay's codes.
 */
export function bookRefund(ledger: Ledger, original: Entry, request: RefundRequest): Entry {
  checkRefundable(original);
  ledger.assertOutTradeNoFree(original.appCode, request.outTradeNo, "refund");
  const left = original.txamt - original.refunded;
  if (left <= 0) throw new QfpayRefusal("1125", `${original.syssn} is refunded in full`);
  if (request.txamt > left) throw new QfpayRefusal("1272", `at most ${left} can still be refunded, asked ${request.txamt}`);

  const entry = ledger.add(
    {
      appCode: original.appCode,
      ...(original.mchid !== undefined ? { mchid: original.mchid } : {}),
      kind: "refund",
      payType: original.payType,
      outTradeNo: request.outTradeNo,
      txamt: request.txamt,
      txcurrcd: original.txcurrcd,
      txdtm: request.txdtm,
      txzone: request.txzone,
      preauth: false,
      origSyssn: original.syssn,
      ...(request.udid !== undefined ? { udid: request.udid } : {}),
      ...(original.goodsName !== undefined ? { goodsName: original.goodsName } : {}),
    },
    request.syssn,
  );
  ledger.reserveRefund(original, request.txamt);
  return entry;
}

function checkRefundable(original: Entry): void {
  if (original.kind !== "payment" && original.kind !== "deduct") {
    throw new QfpayRefusal("1136", `${original.syssn} is a ${original.kind}, not a payment`);
  }
  if (original.preauth && original.kind === "payment") {
    throw new QfpayRefusal("1136", "a pre-auth freeze is not refunded: deduct with authtrade or unfreeze with reversal");
  }
  const refusal = UNREFUNDABLE_STATES[original.state];
  if (refusal) throw new QfpayRefusal(refusal[0], `${original.syssn}: ${refusal[1]}`);
}
