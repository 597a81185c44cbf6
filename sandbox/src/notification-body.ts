import { formatTxdtm } from "@qfpay-medusa/shared";
import { cancelFlagOf, type Entry } from "./ledger.js";

export type NotifyType = "payment" | "refund";

/**
 * The documented notification body, keys in the reference's order. Refunds carry `orig_syssn` too;
 * `mchid` only when the merchant has one (QFPay returns it to agents only).
 */
export function notificationBody(entry: Entry, notifyType: NotifyType): Record<string, string> {
  const paid = entry.paidAt ?? entry.createdAt;
  return {
    status: "1",
    pay_type: entry.payType,
    sysdtm: formatTxdtm(entry.createdAt, entry.txzone),
    paydtm: formatTxdtm(paid, entry.txzone),
    goods_name: entry.goodsName ?? "",
    txcurrcd: entry.txcurrcd,
    txdtm: entry.txdtm,
    ...(entry.mchid !== undefined ? { mchid: entry.mchid } : {}),
    txamt: String(entry.txamt),
    exchange_rate: "",
    chnlsn2: "",
    out_trade_no: entry.outTradeNo,
    syssn: entry.syssn,
    ...(entry.origSyssn !== undefined ? { orig_syssn: entry.origSyssn } : {}),
    cash_fee_type: "",
    cancel: cancelFlagOf(entry),
    respcd: "0000",
    goods_info: entry.goodsInfo ?? "",
    cash_fee: String(entry.txamt),
    notify_type: notifyType,
    chnlsn: channelSerial(entry),
    cardcd: "",
  };
}

/** A wallet-side serial like the examples' "2020061522001453561406303428", derived from the syssn. */
export function channelSerial(entry: Entry): string {
  return `${entry.syssn.slice(0, 8)}22001${entry.syssn.slice(-15)}`;
}
