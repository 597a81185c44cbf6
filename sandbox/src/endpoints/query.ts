import { formatTxdtm, parseTxdtm, statusCode, txzoneOffsetMinutes } from "@qfpay-medusa/shared";
import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { cancelFlagOf, respcdOf, type Entry } from "../ledger.js";
import { channelSerial } from "../notification-body.js";
import { ParamReader } from "../params.js";
import type { PythonJsonValue } from "../python-json.js";

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

/** The query's `order_type` for each kind of ledger entry. */
const ORDER_TYPES: Readonly<Record<Entry["kind"], string>> = {
  payment: "payment",
  deduct: "payment",
  refund: "refund",
  close: "close",
  unfreeze: "unfreeze",
};

/**
 * POST /trade/v1/query: the merchant's records (payments, refunds, closes, pre-auth deducts and unfreezes),
 * newest first, filtered by syssn / out_trade_no / pay_type lists and respcd; without syssn or out_trade_no,
 * by `sysdtm` between start_time and end_time (default: this month), which must lie in one calendar month.
 */
export const query: Endpoint = {
  mchid: "merchant",
  appliesForcedRespcd: false,
  handle(context) {
    const { ledger, merchant } = context;
    const read = new ParamReader(context.params);
    const syssns = read.list("syssn");
    const outTradeNos = read.list("out_trade_no");
    const payTypes = read.list("pay_type");
    const respcd = read.optional("respcd", 4);
    const txzone = read.txzone();
    const page = read.integer("page", 1, 1_000_000) ?? 1;
    const pageSize = read.integer("page_size", 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
    const byNumber = syssns !== undefined || outTradeNos !== undefined;
    const range = byNumber ? undefined : readRange(read, txzone, ledger.now());

    const matches = ledger
      .entries(merchant.appCode)
      .filter(
        (entry) =>
          (syssns === undefined || syssns.includes(entry.syssn)) &&
          (outTradeNos === undefined || outTradeNos.includes(entry.outTradeNo)) &&
          (payTypes === undefined || payTypes.includes(entry.payType)) &&
          (respcd === undefined || respcdOf(entry) === respcd) &&
          (range === undefined || (entry.createdAt >= range.start && entry.createdAt <= range.end)),
      );
    const records = matches.slice((page - 1) * pageSize, page * pageSize).map(queryRecord);
    return json({
      respmsg: "",
      resperr: outcomeFields("0000", "请求成功").resperr,
      respcd: "0000",
      data: records,
      page: String(page),
      page_size: String(pageSize),
    });
  },
};

function readRange(read: ParamReader, txzone: string, now: Date): { start: Date; end: Date } {
  const month = monthOf(now, txzone);
  const start = parseTxdtm(read.optionalDateTime("start_time", txzone) ?? month.first, txzone);
  const end = parseTxdtm(read.optionalDateTime("end_time", txzone) ?? month.last, txzone);
  if (end < start) throw new QfpayRefusal("1104", "end_time is before start_time");
  if (formatTxdtm(start, txzone).slice(0, 7) !== formatTxdtm(end, txzone).slice(0, 7)) {
    throw new QfpayRefusal("1104", "start_time and end_time must lie in one calendar month");
  }
  return { start, end };
}

/** First and last second of the calendar month of `now` in `txzone`. */
function monthOf(now: Date, txzone: string): { first: string; last: string } {
  const local = new Date(now.getTime() + txzoneOffsetMinutes(txzone) * 60_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const prefix = `${year}-${String(month + 1).padStart(2, "0")}`;
  return { first: `${prefix}-01 00:00:00`, last: `${prefix}-${String(lastDay).padStart(2, "0")} 23:59:59` };
}

/** One `data[]` record, keys in the order of the reference's example. */
function queryRecord(entry: Entry): Record<string, PythonJsonValue> {
  const respcd = respcdOf(entry);
  const sysdtm = formatTxdtm(entry.createdAt, entry.txzone);
  return {
    cardtp: "",
    cancel: cancelFlagOf(entry),
    pay_type: entry.payType,
    order_type: ORDER_TYPES[entry.kind],
    clisn: "",
    txdtm: entry.txdtm,
    goods_detail: "",
    out_trade_no: entry.outTradeNo,
    syssn: entry.syssn,
    ...(entry.origSyssn !== undefined ? { origssn: entry.origSyssn } : {}),
    sysdtm,
    paydtm: entry.paidAt ? formatTxdtm(entry.paidAt, entry.txzone) : "",
    goods_name: entry.goodsName ?? "",
    txcurrcd: entry.txcurrcd,
    chnlsn2: "",
    udid: entry.udid ?? "",
    userid: "",
    txamt: String(entry.txamt),
    chnlsn: entry.paidAt ? channelSerial(entry) : "",
    respcd,
    goods_info: entry.goodsInfo ?? "",
    errmsg: respcd === "0000" ? "success" : statusCode(respcd).message,
  };
}
