import { ENVIRONMENTS, findEnvironment, formatTxdtm, parseOutTradeNo, parseTxdtm, statusCode } from "@qfpay-medusa/shared/server";
import { baseUrlOf, type ResolvedQfpayOptions } from "../qfpay";
import type { QfpayCalls } from "./budgeted-api";
import { holdsMoneyRecord, type TransactionRecord, type TransactionStore } from "./ledger";
import { readTradeBill, type StatementRow } from "./trade-bill";

/** Something QFPay's statement of a day and the ledger disagree on. */
export interface StatementDifference {
  out_trade_no: string;
  session_id: string | null;
  message: string;
}

/** Ledger records confirmed this soon after midnight may have been paid the day before: not looked for. */
const DAY_START_MARGIN_MS = 10 * 60_000;

/**
 * Holds QFPay's clearing statement of one day against the ledger: every transaction of the store's numbering
 * QFPay settled must be on the ledger with that amount and with its money moved, and every payment and refund
 * the ledger has as confirmed that day must be on the statement.
 */
export async function compareStatement(
  rows: readonly StatementRow[],
  store: Pick<TransactionStore, "get" | "confirmedBetween">,
  day: { date: string; from: Date; to: Date },
  outTradeNoPrefix: string | undefined,
): Promise<StatementDifference[]> {
  const differences: StatementDifference[] = [];
  const settled = rows.filter((row) => statusCode(row.respcd).outcome === "succeeded" && isOurs(row.out_trade_no, outTradeNoPrefix));
  // The day's confirmed records in one read; only a row confirmed on another day is looked up on its own.
  const confirmed = await store.confirmedBetween(day.from, day.to);
  const byNumber = new Map(confirmed.map((record) => [record.out_trade_no, record]));
  for (const row of settled) {
    const record = byNumber.get(row.out_trade_no) ?? (await store.get(row.out_trade_no));
    const what = `QFPay's statement of ${day.date} lists ${row.order_type} ${row.out_trade_no} (${row.txamt})`;
    if (!record) differences.push({ out_trade_no: row.out_trade_no, session_id: null, message: `${what}, which is not on the ledger` });
    else if (record.amount !== row.txamt) differences.push(differenceOf(record, `${what}; the ledger has ${record.amount}`));
    else if (!moneyMoved(record)) differences.push(differenceOf(record, `${what}; the ledger has it as ${record.state}`));
  }
  const listed = new Set(settled.map((row) => row.out_trade_no));
  const lookedFor = day.from.getTime() + DAY_START_MARGIN_MS;
  for (const record of confirmed) {
    if ((record.confirmed_at?.getTime() ?? 0) >= lookedFor && moneyMoved(record) && !listed.has(record.out_trade_no)) {
      differences.push(
        differenceOf(
          record,
          `The ledger has ${record.kind} ${record.out_trade_no} (${record.amount}) as done on ${day.date}; QFPay's statement does not list it`,
        ),
      );
    }
  }
  return differences;
}

/** The statement of the day before `now` (in the merchant's zone): its date and its bounds. */
export function previousDay(now: Date, txzone: string): { date: string; from: Date; to: Date } {
  const to = parseTxdtm(`${formatTxdtm(now, txzone).slice(0, 10)} 00:00:00`, txzone);
  const date = formatTxdtm(new Date(to.getTime() - 1000), txzone).slice(0, 10);
  return { date, from: parseTxdtm(`${date} 00:00:00`, txzone), to };
}

/** Downloads the statement of `day` (from `previousDay`) and compares it with the ledger. */
export async function checkStatementOf(
  day: { date: string; from: Date; to: Date },
  calls: Pick<QfpayCalls, "tradeBill">,
  store: Pick<TransactionStore, "get" | "confirmedBetween">,
  outTradeNoPrefix: string | undefined,
): Promise<StatementDifference[]> {
  const statement = await calls.tradeBill({ trade_date: day.date });
  return compareStatement(readTradeBill(statement.data), store, day, outTradeNoPrefix);
}

/** QFPay serves statements in production environments only. */
export function servesDailyStatement(options: ResolvedQfpayOptions): boolean {
  const { environment } = options;
  if (typeof environment === "object") return environment.mode === "production";
  const named = typeof environment === "string" ? findEnvironment(environment) : undefined;
  if (named) return named.kind === "production";
  const baseUrl = baseUrlOf(options);
  return ENVIRONMENTS.some((known) => known.kind === "production" && known.baseUrl === baseUrl);
}

function moneyMoved(record: TransactionRecord): boolean {
  return record.kind === "refund" ? record.state === "succeeded" : holdsMoneyRecord(record);
}

function isOurs(outTradeNo: string, prefix: string | undefined): boolean {
  const parts = parseOutTradeNo(outTradeNo);
  return parts !== undefined && parts.prefix === prefix && (parts.kind === "p" || /^r\d+$/.test(parts.kind));
}

function differenceOf(record: TransactionRecord, message: string): StatementDifference {
  return { out_trade_no: record.out_trade_no, session_id: record.session_id, message };
}
