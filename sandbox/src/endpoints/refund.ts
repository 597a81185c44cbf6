import { formatTxdtm } from "@qfpay-medusa/shared";
import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { respcdOf } from "../ledger.js";
import { channelSerial } from "../notification-body.js";
import { ParamReader } from "../params.js";
import { bookRefund } from "../refund-booking.js";
import { applyOutcome } from "./outcome.js";

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
    const entry = bookRefund(ledger, original, { outTradeNo, txamt, txdtm, txzone, ...(udid !== undefined ? { udid } : {}) });
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
