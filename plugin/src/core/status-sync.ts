import { selectPaymentRecord, statusCode, type QueryRecord } from "@qfpay-medusa/shared/server";
import type { QfpayCalls } from "./budgeted-api";
import type { TransactionRecord } from "./ledger";
import type { Lease } from "./lease";
import { BudgetExhaustedError } from "./request-budget";
import type { SessionPayments } from "./session-payments";

/** Beats of the sync are at least this far apart across all instances. */
const BEAT_SPACING_SECONDS = 1;

/** QFPay's largest page; also how many transactions one query asks about. */
export const BATCH_SIZE = 100;

export interface SyncReport {
  /** This instance held the merchant's lease and ran the beat. */
  ran: boolean;
  asked: number;
  queries: number;
  /** The budget had no slot: nothing was asked this beat. */
  deferred: boolean;
}

export interface StatusSyncDeps {
  merchant: string;
  payments: SessionPayments;
  calls: Pick<QfpayCalls, "query" | "close">;
  lease: Lease;
  logger?: { warn(message: string): void } | undefined;
}

/**
 * The one loop per merchant (across all instances) that asks QFPay about open transactions: due ones, in
 * batches of up to 100 numbers per query, watched sessions first. Nothing here runs on a shopper's request.
 */
export class StatusSync {
  constructor(private readonly deps: StatusSyncDeps) {}

  async tick(): Promise<SyncReport> {
    const report = await this.deps.lease.beat(`qfpay:sync:${this.deps.merchant}`, BEAT_SPACING_SECONDS, () => this.beat());
    return report ?? { ran: false, asked: 0, queries: 0, deferred: false };
  }

  private async beat(): Promise<SyncReport> {
    const { payments } = this.deps;
    const due = await payments.store.due(payments.now(), BATCH_SIZE);
    if (due.length === 0) return { ran: true, asked: 0, queries: 0, deferred: false };
    let seen: QueryRecord[];
    let queries: number;
    try {
      ({ seen, queries } = await this.ask(due.map((record) => record.out_trade_no)));
    } catch (error) {
      if (error instanceof BudgetExhaustedError) return { ran: true, asked: 0, queries: 0, deferred: true };
      this.deps.logger?.warn(`QFPay status sync: the query failed, asking again next beat: ${(error as Error).message}`);
      return { ran: true, asked: 0, queries: 1, deferred: true };
    }
    const quiet: TransactionRecord[] = [];
    const moved: Array<{ record: TransactionRecord; mine: QueryRecord[] }> = [];
    for (const record of due) {
      const mine = seen.filter((entry) => entry.out_trade_no === record.out_trade_no);
      if (payments.quietlyWaiting(record, selectPaymentRecord({ data: mine }).record)) quiet.push(record);
      else moved.push({ record, mine });
    }
    // Most answers change nothing: one statement moves their next checks.
    await payments.store.reschedule(quiet.map((record) => ({ out_trade_no: record.out_trade_no, next_check_at: payments.nextCheckOf(record) })));
    await inParallel(moved, APPLY_CONCURRENCY, async ({ record, mine }) => {
      try {
        await this.apply(record, mine);
      } catch (error) {
        this.deps.logger?.warn(`QFPay status sync: ${record.out_trade_no} not updated: ${(error as Error).message}`);
      }
    });
    return { ran: true, asked: due.length, queries, deferred: false };
  }

  /**
   * One query for the batch, and more pages only while a full page left some number without any record (a
   * number can have payment, refund and close records).
   */
  private async ask(outTradeNos: string[]): Promise<{ seen: QueryRecord[]; queries: number }> {
    const seen: QueryRecord[] = [];
    for (let page = 1; ; page++) {
      const response = await this.deps.calls.query({ out_trade_no: outTradeNos.join(","), page, page_size: BATCH_SIZE });
      seen.push(...response.data);
      const listed = new Set(seen.map((record) => record.out_trade_no));
      if (response.data.length < BATCH_SIZE || outTradeNos.every((number) => listed.has(number))) return { seen, queries: page };
    }
  }

  private async apply(record: TransactionRecord, seen: QueryRecord[]): Promise<void> {
    const { payments } = this.deps;
    if (record.kind !== "payment") {
      const entry = seen.find((candidate) => candidate.order_type.toLowerCase() !== "close") ?? seen[0];
      await payments.observeFollowUp(record, entry, entry ? followUpOutcome(entry.respcd) : undefined);
      return;
    }
    if (record.state === "opening") {
      await this.settleOpening(record, seen);
      return;
    }
    await payments.observePayment(record, selectPaymentRecord({ data: seen }).record);
  }

  /**
   * An order whose creation answer never arrived: nobody was shown its code, so if QFPay made it, it is closed;
   * if it is somehow paid, it stays on record as paid for the reconciliation to refund.
   */
  private async settleOpening(record: TransactionRecord, seen: QueryRecord[]): Promise<void> {
    const { payments } = this.deps;
    const payment = selectPaymentRecord({ data: seen }).record;
    const ageMs = payments.now().getTime() - record.created_at.getTime();
    if (!payment) {
      if (ageMs < OPENING_GIVE_UP_MS) return;
      await payments.store.update(record.out_trade_no, { state: "failed", state_message: "QFPay never created this order", next_check_at: null });
      return;
    }
    const outcome = statusCode(payment.respcd).outcome;
    if (outcome === "succeeded") {
      await payments.store.update(record.out_trade_no, {
        state: "paid",
        syssn: payment.syssn,
        superseded: true,
        confirmed_at: payments.now(),
        next_check_at: null,
        resolution: "awaiting_refund",
        resolution_note: "Paid although its creation answer was lost: refund it from the QFPay portal or the admin",
      });
      return;
    }
    if (outcome === "failed") {
      await payments.store.update(record.out_trade_no, { state: "failed", syssn: payment.syssn, next_check_at: null });
      return;
    }
    await this.deps.calls.close({ syssn: payment.syssn, txamt: record.amount });
    await payments.store.update(record.out_trade_no, {
      state: "canceled",
      syssn: payment.syssn,
      state_message: "Closed: its creation answer was lost",
      next_check_at: null,
    });
  }
}

/** Transactions whose answer changed something are put on record this many at a time (each under its session's lock). */
const APPLY_CONCURRENCY = 8;

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** An order QFPay has not listed this long after it was sent was never made. */
const OPENING_GIVE_UP_MS = 60_000;

/** How a capture or refund stands by its record's code; a retryable code is still in progress. */
function followUpOutcome(respcd: string): "succeeded" | "failed" | "in_progress" {
  const { outcome } = statusCode(respcd);
  return outcome === "retryable" ? "in_progress" : outcome;
}
