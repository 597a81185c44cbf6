import { formatTxdtm, parseTxdtm } from "@qfpay-medusa/shared";
import type { Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { respcdOf, type Entry } from "../ledger.js";
import { ParamReader } from "../params.js";
import { zipArchive } from "../zip.js";

/** Statement columns: header and how each is read from an entry. */
const COLUMNS: ReadonlyArray<[header: string, value: (entry: Entry) => string]> = [
  ["syssn", (entry) => entry.syssn],
  ["out_trade_no", (entry) => entry.outTradeNo],
  ["order_type", (entry) => entry.kind],
  ["pay_type", (entry) => entry.payType],
  ["txcurrcd", (entry) => entry.txcurrcd],
  ["txamt", (entry) => String(entry.txamt)],
  ["respcd", (entry) => respcdOf(entry)],
  ["sysdtm", (entry) => formatTxdtm(entry.createdAt, entry.txzone)],
  ["paydtm", (entry) => (entry.paidAt ? formatTxdtm(entry.paidAt, entry.txzone) : "")],
  ["orig_syssn", (entry) => entry.origSyssn ?? ""],
  ["mchid", (entry) => entry.mchid ?? ""],
];

/**
 * GET /download/v1/trade_bill?trade_date=YYYY-MM-DD: a ZIP with one CSV of the app code's transactions of
 * that day (by sysdtm in the transaction's zone). Covers all the app code's merchants, so `mchid` is refused.
 */
export const tradeBill: Endpoint = {
  mchid: "forbidden",
  appliesForcedRespcd: false,
  handle(context) {
    const read = new ParamReader(context.params);
    const tradeDate = read.required("trade_date", 10);
    if (!isRealDate(tradeDate)) throw new QfpayRefusal("1104", `trade_date must be a date like 2017-10-17, got "${tradeDate}"`);
    const entries = context.ledger
      .entries(context.merchant.appCode)
      .filter((entry) => formatTxdtm(entry.createdAt, entry.txzone).startsWith(tradeDate))
      .reverse();
    const lines = [COLUMNS.map(([header]) => header), ...entries.map((entry) => COLUMNS.map(([, value]) => csvCell(value(entry))))];
    const csv = Buffer.from(`${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`, "utf8");
    const fileName = `trade_bill_${tradeDate}.zip`;
    return {
      kind: "file",
      contentType: "application/zip",
      fileName,
      bytes: zipArchive([{ name: `trade_bill_${tradeDate}.csv`, content: csv }]),
    };
  },
};

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    parseTxdtm(`${text} 00:00:00`);
    return true;
  } catch {
    return false;
  }
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
