import { formatTxdtm } from "../../time.js";
import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { respcdOf, type Entry } from "../ledger.js";
import { channelSerial } from "../notification-body.js";
import { ParamReader } from "../params.js";
import { applyOutcome } from "./outcome.js";

/** Why an entry cannot be refunded, by state; a missing state means it can. */
const UNREFUNDABLE_STATES: Partial<Record<Entry["state"], [respcd: string, reason: string]>> = {
  pending: ["1261", "the order has not been paid"],
  holding: ["1261", "the order has not been paid"],
  closed: ["1264", "the order is closed"],
  expired: ["1264", "the order expired unpaid"],
  failed: ["1136", "the payment failed"],
};

/**
 * POST /trade/v1/refund: a new record with its own out_trade_no against `syssn`, partial and repeated
 * refunds up to the paid amount (1272 above it, 1125 once nothing is left). A pre-auth freeze is refunded
 * through its deduct, not directly.
 */
export const refund: Endpoint = {
  mchid: "merchant",
  appliesForcedRespcd: true,
  handle(context) {
    const { ledger, merchant } = context;
    const read = new ParamReader(context.params);
    const origSyssn = read.required("syssn", 128);
    const outTradeNo = read.outTradeNo();
    const txamt = read.amount();
    const txzone = read.txzone();
    const txdtm = read.dateTime("txdtm", txzone);
    const udid = read.optional("udid", 40);

    ledger.expireDue();
    const original = ledger.find(merchant.appCode, origSyssn);
    if (!original) throw new QfpayRefusal("1268", `no transaction ${origSyssn}`);
    checkRefundable(original);
    ledger.assertOutTradeNoFree(merchant.appCode, outTradeNo, "refund");
    const left = original.txamt - original.refunded;
    if (left <= 0) throw new QfpayRefusal("1125", `${origSyssn} is refunded in full`);
    if (txamt > left) throw new QfpayRefusal("1272", `at most ${left} can still be refunded, asked ${txamt}`);

    const entry = ledger.add({
      appCode: merchant.appCode,
      ...(merchant.mchid !== undefined ? { mchid: merchant.mchid } : {}),
      kind: "refund",
      payType: original.payType,
      outTradeNo,
      txamt,
      txcurrcd: original.txcurrcd,
      txdtm,
      txzone,
      preauth: false,
      origSyssn: original.syssn,
      ...(udid !== undefined ? { udid } : {}),
      ...(original.goodsName !== undefined ? { goodsName: original.goodsName } : {}),
    });
    ledger.reserveRefund(original, txamt);
    applyOutcome(ledger, entry, context.forcedRespcd ?? "0000");

    const respcd = respcdOf(entry);
    const sysdtm = formatTxdtm(entry.createdAt, entry.txzone);
    return json({
      orig_syssn: original.syssn,
      sysdtm,
      paydtm: entry.paidAt ? formatTxdtm(entry.paidAt, entry.txzone) : sysdtm,
      txdtm: entry.txdtm,
      udid: entry.udid ?? "",
      txcurrcd: entry.txcurrcd,
      txamt: String(entry.txamt),
      ...outcomeFields(respcd),
      out_trade_no: entry.outTradeNo,
      syssn: entry.syssn,
      respcd,
      chnlsn: channelSerial(original),
      cardcd: "",
    });
  },
};

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
