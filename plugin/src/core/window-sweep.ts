import { formatTxdtm, parseOutTradeNo, parseTxdtm, statusCode, type QueryRecord } from "@qfpay-medusa/shared/server";
import type { QfpayCalls } from "./budgeted-api";
import { holdsMoneyRecord } from "./ledger";
import type { SessionPayments } from "./session-payments";

export interface WindowSweepReport {
  records: number;
  latePayments: number;
  outsideRefunds: number;
  unknown: string[];
}

/** How far back each sweep looks, and the most pages (of 100) it reads. */
const WINDOW_MS = 30 * 60_000;
const MAX_PAGES = 10;

/**
 * QFPay as the record of money, read by time: every transaction QFPay lists for the last half hour is held
 * against the ledger. A payment QFPay took for an order the ledger has as unpaid (an approval that crossed a
 * close, a notification that never came) is recorded as paid; a refund of one of the store's payments that the
 * store did not send (QFPay's portal or app) is recorded against it; a paid order of the store's numbering the
 * ledger does not know at all is reported.
 */
export async function sweepWindow(
  payments: SessionPayments,
  calls: Pick<QfpayCalls, "query">,
  options: { txzone: string; outTradeNoPrefix?: string | undefined },
): Promise<WindowSweepReport> {
  const report: WindowSweepReport = { records: 0, latePayments: 0, outsideRefunds: 0, unknown: [] };
  const now = payments.now();
  // txdtm has whole seconds: the window ends a little ahead, within the month, so this second's records count.
  const monthStart = startOfMonth(now, options.txzone);
  const monthEnd = startOfMonth(new Date(monthStart.getTime() + 32 * 86_400_000), options.txzone).getTime() - 1000;
  const end = new Date(Math.min(now.getTime() + 60_000, monthEnd));
  const start = new Date(Math.max(now.getTime() - WINDOW_MS, monthStart.getTime()));
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await calls.query({
      start_time: formatTxdtm(start, options.txzone),
      end_time: formatTxdtm(end, options.txzone),
      page,
      page_size: 100,
    });
    for (const record of response.data) await weigh(record, payments, options, report);
    report.records += response.data.length;
    if (response.data.length < 100) break;
  }
  return report;
}

async function weigh(
  record: QueryRecord,
  payments: SessionPayments,
  options: { outTradeNoPrefix?: string | undefined },
  report: WindowSweepReport,
): Promise<void> {
  if (statusCode(record.respcd).outcome !== "succeeded") return;
  const type = record.order_type.toLowerCase();
  if (type === "payment" && record.out_trade_no) {
    const parts = parseOutTradeNo(record.out_trade_no);
    if (!parts || parts.prefix !== options.outTradeNoPrefix || parts.kind !== "p") return;
    const known = await payments.store.get(record.out_trade_no);
    if (!known) {
      report.unknown.push(record.out_trade_no);
      return;
    }
    if (holdsMoneyRecord(known) || !known.data) return;
    await payments.observePayment(known, record);
    report.latePayments++;
    return;
  }
  const origin = record.origssn ?? record.orig_syssn;
  if (type === "refund" && origin && record.out_trade_no && !(await payments.store.get(record.out_trade_no))) {
    const payment = await payments.store.paymentBySyssn(origin);
    if (!payment) return;
    await payments.recordOutsideRefund(payment, { syssn: record.syssn, out_trade_no: record.out_trade_no, txamt: record.txamt, succeeded: true });
    report.outsideRefunds++;
  }
}

/** Midnight of the first day of `now`'s month in the zone of `txdtm`: a query's window may not cross months. */
function startOfMonth(now: Date, txzone: string): Date {
  return parseTxdtm(`${formatTxdtm(now, txzone).slice(0, 8)}01 00:00:00`, txzone);
}
