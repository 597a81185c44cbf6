import type { ResolvedQfpayOptions } from "../qfpay";
import { currentPayment, type TransactionRecord } from "./ledger";
import type { Lease } from "./lease";
import { BudgetExhaustedError } from "./request-budget";
import { refundedOf, type SessionPayments } from "./session-payments";
import { DELETED_SESSION, isOrderPayment, medusaHolds, type SessionStanding, type StoreOrders } from "./store-orders";
import type { QfpayCalls } from "./budgeted-api";
import { checkStatementOf, previousDay } from "./trade-bill-check";
import { sweepWindow } from "./window-sweep";

export interface ReconcileReport {
  ran: boolean;
  completed: number;
  orders: number;
  orphansRefunded: number;
  orphansAwaitingRefund: number;
  refundsRecorded: number;
  /** Differences found between QFPay's daily statement and the ledger (production environments). */
  statementDifferences: number;
  errors: string[];
}

export interface ReconcilerDeps {
  merchant: string;
  payments: SessionPayments;
  /** Reconciliation's share of the request budget. */
  calls: Pick<QfpayCalls, "query" | "tradeBill">;
  /** Compare QFPay's statement of each day with the ledger (QFPay serves statements in production only). */
  dailyStatement: boolean;
  options: Pick<ResolvedQfpayOptions, "autoRefundOrphans" | "completeAfterSeconds" | "txzone" | "outTradeNoPrefix">;
  lease: Lease;
  logger?: { info(message: string): void; warn(message: string): void } | undefined;
}

/** Statement differences of transactions the ledger does not know are kept under this pseudo session. */
export const STATEMENT_EVENTS = "qfpay_statement";
/** How often the reconciliation reads QFPay's recent transactions by time. */
const WINDOW_SWEEP_EVERY_MS = 5 * 60_000;
/** After this many failed completions (on record, across restarts), a paid order whose cart will not complete is given back. */
const COMPLETION_TRIES = 3;
const SWEEP_SIZE = 50;
/** Sweeps are at least this far apart across all instances (the job runs every 10 s on each). */
const SWEEP_SPACING_SECONDS = 5;

/**
 * QFPay is the record of money; this makes every paid QFPay order end as exactly one of: the captured payment
 * of its order, or refunded in full. A paid current order whose cart nobody completed is completed (the path a
 * notification takes); a paid order that can be no order (replaced, a second payment, a cart completed by
 * another payment) is refunded in full, or listed for an admin when automatic refunds are off; refunds QFPay
 * settled are recorded on the Medusa payment.
 */
export class Reconciler {
  private lastWindowSweep = 0;
  /** The last day whose statement was compared here (another instance may compare it too; events are not doubled). */
  private statementChecked: string | undefined;

  constructor(private readonly deps: ReconcilerDeps) {}

  async sweep(medusa: StoreOrders): Promise<ReconcileReport> {
    return (await this.deps.lease.beat(`qfpay:reconcile:${this.deps.merchant}`, SWEEP_SPACING_SECONDS, () => this.run(medusa))) ?? emptyReport(false);
  }

  private async run(medusa: StoreOrders): Promise<ReconcileReport> {
    const report = emptyReport(true);
    await this.sweepWindowWhenDue(report);
    await this.checkStatementWhenDue(report);
    const { store } = this.deps.payments;
    for (const record of await store.unresolvedPaid(SWEEP_SIZE)) {
      try {
        await this.settlePaid(record, medusa, report);
      } catch (error) {
        if (error instanceof BudgetExhaustedError) break;
        report.errors.push(`${record.out_trade_no}: ${(error as Error).message}`);
      }
    }
    for (const refund of await store.unrecordedRefunds(SWEEP_SIZE)) {
      try {
        await this.recordRefund(refund, medusa, report);
      } catch (error) {
        report.errors.push(`${refund.out_trade_no}: ${(error as Error).message}`);
      }
    }
    for (const error of report.errors) this.deps.logger?.warn(`QFPay reconciliation: ${error}`);
    return report;
  }

  /** Reads QFPay's last half hour every few minutes (late approvals, refunds made in QFPay's portal). */
  private async sweepWindowWhenDue(report: ReconcileReport): Promise<void> {
    const now = this.deps.payments.now().getTime();
    if (now - this.lastWindowSweep < WINDOW_SWEEP_EVERY_MS) return;
    try {
      const found = await sweepWindow(this.deps.payments, this.deps.calls, this.deps.options);
      this.lastWindowSweep = now;
      for (const number of found.unknown) {
        report.errors.push(`QFPay lists a paid order ${number} that is not on the ledger: check it in the QFPay portal`);
      }
    } catch (error) {
      if (!(error instanceof BudgetExhaustedError)) report.errors.push(`time-window sweep: ${(error as Error).message}`);
    }
  }

  /** Once a day, QFPay's statement of the day before against the ledger; each difference is an event for admins. */
  private async checkStatementWhenDue(report: ReconcileReport): Promise<void> {
    const { payments } = this.deps;
    if (!this.deps.dailyStatement) return;
    const day = previousDay(payments.now(), this.deps.options.txzone);
    if (this.statementChecked === day.date) return;
    try {
      const differences = await checkStatementOf(day, this.deps.calls, payments.store, this.deps.options.outTradeNoPrefix);
      this.statementChecked = day.date;
      const sessionIds = [...new Set(differences.map((difference) => difference.session_id ?? STATEMENT_EVENTS))];
      const recorded = new Set(
        (await payments.store.eventsOf(sessionIds)).filter((event) => event.kind === "statement_difference").map((event) => event.message),
      );
      for (const difference of differences) {
        const sessionId = difference.session_id ?? STATEMENT_EVENTS;
        if (recorded.has(difference.message)) continue;
        await payments.event({ session_id: sessionId, out_trade_no: difference.out_trade_no, kind: "statement_difference", message: difference.message });
        recorded.add(difference.message);
        report.errors.push(difference.message);
      }
      report.statementDifferences = differences.length;
    } catch (error) {
      if (!(error instanceof BudgetExhaustedError)) report.errors.push(`daily statement of ${day.date}: ${(error as Error).message}`);
    }
  }

  private async settlePaid(record: TransactionRecord, medusa: StoreOrders, report: ReconcileReport): Promise<void> {
    const { payments } = this.deps;
    const standing = await medusa.standing(record.session_id);
    if (isOrderPayment(standing, record.out_trade_no)) return this.markOrder(record, standing, report);
    const reason = this.orphanReasonOf(record, standing, await payments.store.ofSession(record.session_id));
    if (reason !== undefined) return this.giveBack(record, standing, medusa, report, { reason, givingUp: false });
    const waited = (payments.now().getTime() - (record.confirmed_at ?? record.updated_at).getTime()) / 1000;
    if (waited < this.deps.options.completeAfterSeconds) return;
    const failure = await this.tryToComplete(record, medusa, report);
    if (failure === undefined) return;
    const failures = (await payments.store.eventsOf([record.session_id])).filter(
      (event) => event.out_trade_no === record.out_trade_no && event.kind === "completion_failed",
    ).length;
    if (failures < COMPLETION_TRIES) throw new Error(`its cart could not be completed (${failures} of ${COMPLETION_TRIES} tries): ${failure}`);
    await this.giveBack(record, standing, medusa, report, { reason: `its cart could not be completed: ${failure}`, givingUp: true });
  }

  /** Why this paid order can be no order of its session, as things stand; undefined while it still can. */
  private orphanReasonOf(record: TransactionRecord, standing: SessionStanding, records: readonly TransactionRecord[]): string | undefined {
    // Medusa holds the payment but placed no order (stopped between the two): it is completed, not given back.
    if (medusaHolds(standing, record.out_trade_no) && standing.status !== DELETED_SESSION) return undefined;
    return orphanReason(record, currentPayment(records), standing);
  }

  /** Completes the cart the way a notification does; on failure, what went wrong (on record, counted). */
  private async tryToComplete(record: TransactionRecord, medusa: StoreOrders, report: ReconcileReport): Promise<string | undefined> {
    let failure: string;
    try {
      await medusa.complete(record.session_id, record.state === "frozen" ? "authorized" : "captured");
      failure = "Medusa placed no order";
    } catch (error) {
      failure = (error as Error).message;
    }
    const after = await medusa.standing(record.session_id);
    if (isOrderPayment(after, record.out_trade_no)) {
      report.completed++;
      await this.markOrder(record, after, report);
      return undefined;
    }
    await this.deps.payments.event({
      session_id: record.session_id,
      out_trade_no: record.out_trade_no,
      kind: "completion_failed",
      message: `The cart could not be completed: ${failure}`,
    });
    return failure;
  }

  private async markOrder(
    record: TransactionRecord,
    standing: Extract<SessionStanding, { exists: true }> & { orderId: string },
    report: ReconcileReport,
  ): Promise<void> {
    const { payments } = this.deps;
    await payments.store.update(record.out_trade_no, { resolution: "order", order_id: standing.orderId, cart_id: standing.cartId });
    await payments.event({
      session_id: record.session_id,
      out_trade_no: record.out_trade_no,
      kind: "order_completed",
      message: `The payment is the captured payment of order ${standing.orderId}`,
    });
    report.orders++;
  }

  /**
   * Gives the money of a paid order back, decided under the cart's lock against Medusa as it is then: a cart
   * completion running meanwhile either placed its order first (the payment is the order's) or runs after, and
   * then cannot authorize with money that is being given back.
   */
  private async giveBack(
    record: TransactionRecord,
    standing: SessionStanding,
    medusa: StoreOrders,
    report: ReconcileReport,
    why: { reason: string; givingUp: boolean },
  ): Promise<void> {
    const decide = async (): Promise<void> => {
      const now = await medusa.standing(record.session_id);
      if (isOrderPayment(now, record.out_trade_no)) return this.markOrder(record, now, report);
      const reason = why.givingUp ? why.reason : this.orphanReasonOf(record, now, await this.deps.payments.store.ofSession(record.session_id));
      if (reason === undefined) return;
      if (!this.deps.options.autoRefundOrphans) return this.awaitAdmin(record, reason, report);
      if (medusaHolds(now, record.out_trade_no)) await this.refundThroughMedusa(record, now.paymentId, reason, medusa);
      else await this.deps.payments.refundOrphan(record, reason);
      report.orphansRefunded++;
    };
    const cartId = (standing.exists ? standing.cartId : null) ?? record.cart_id;
    await (cartId ? medusa.whileCartLocked(cartId, decide) : decide());
  }

  private async awaitAdmin(record: TransactionRecord, reason: string, report: ReconcileReport): Promise<void> {
    const { payments } = this.deps;
    await payments.store.update(record.out_trade_no, { resolution: "awaiting_refund", resolution_note: reason });
    await payments.event({
      session_id: record.session_id,
      out_trade_no: record.out_trade_no,
      kind: "orphan_awaiting_refund",
      message: `Paid but no order: ${reason}. Automatic refunds are off: refund it from the admin`,
    });
    report.orphansAwaitingRefund++;
  }

  /** Medusa holds the payment: its refund goes through Medusa, so Medusa and QFPay agree on it. */
  private async refundThroughMedusa(record: TransactionRecord, paymentId: string, reason: string, medusa: StoreOrders): Promise<void> {
    const { payments } = this.deps;
    const remaining = record.amount - refundedOf(await payments.store.ofSession(record.session_id), record);
    try {
      if (remaining > 0)
        await medusa.recordRefund(paymentId, remaining, record.currency_code, `QFPay payment ${record.out_trade_no} refunded in full: ${reason}`);
    } finally {
      const now = await payments.store.get(record.out_trade_no);
      if (now?.resolution === "refunding" || now?.resolution === "refunded") await payments.store.update(record.out_trade_no, { resolution_note: reason });
    }
    await payments.event({
      session_id: record.session_id,
      out_trade_no: record.out_trade_no,
      kind: "orphan_refunded",
      message: `Refunded ${remaining} ${record.currency_code.toUpperCase()} in full through Medusa: ${reason}`,
    });
  }

  private async recordRefund(refund: TransactionRecord, medusa: StoreOrders, report: ReconcileReport): Promise<void> {
    const { payments } = this.deps;
    const payment = refund.parent_out_trade_no ? await payments.store.get(refund.parent_out_trade_no) : undefined;
    if (!payment) return;
    const standing = await medusa.standing(payment.session_id);
    if (!medusaHolds(standing, payment.out_trade_no)) {
      // An orphan's refund returns money Medusa never recorded: nothing to write there.
      if (payment.resolution !== null) await payments.store.update(refund.out_trade_no, { resolution: "recorded" });
      return;
    }
    const note = refund.origin === "qfpay" ? `Refund ${refund.out_trade_no} made at QFPay` : `QFPay refund ${refund.out_trade_no}`;
    await medusa.recordRefund(standing.paymentId, refund.amount, refund.currency_code, note);
    report.refundsRecorded++;
  }
}

function emptyReport(ran: boolean): ReconcileReport {
  return { ran, completed: 0, orders: 0, orphansRefunded: 0, orphansAwaitingRefund: 0, refundsRecorded: 0, statementDifferences: 0, errors: [] };
}

/** Why a paid order can never be its session's order; undefined when it still can. */
function orphanReason(record: TransactionRecord, current: TransactionRecord | undefined, standing: SessionStanding): string | undefined {
  if (record.superseded || current?.out_trade_no !== record.out_trade_no) return `attempt ${record.attempt} was replaced by a newer code`;
  if (!standing.exists || standing.status === DELETED_SESSION) return "its payment session no longer exists";
  if (standing.cartCompleted) return "its cart was completed with another payment";
  if (standing.otherSessionPaid) return "another payment session of the cart was paid";
  if (standing.status === "canceled" || standing.status === "error") return `its payment session is ${standing.status}`;
  return undefined;
}
