import type { LedgerEvent, NewTransaction, RecordedEvent, TransactionChanges, TransactionRecord, TransactionStore } from "../../core/ledger";

/** The generated data-model methods of the module service that the ledger uses. */
export interface LedgerTables {
  createQfpayTransactions(data: Record<string, unknown>): Promise<Record<string, unknown>>;
  updateQfpayTransactions(data: { selector: Record<string, unknown>; data: Record<string, unknown> }): Promise<Record<string, unknown>[]>;
  listQfpayTransactions(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  createQfpayEvents(data: Record<string, unknown>): Promise<unknown>;
  listQfpayEvents(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** Raw SQL for the one statement the data-model methods cannot say (a conditional update of many rows). */
export interface SqlRunner {
  raw(sql: string, bindings: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const FIELDS = [
  "out_trade_no",
  "kind",
  "session_id",
  "attempt",
  "parent_out_trade_no",
  "syssn",
  "orig_syssn",
  "amount",
  "currency_code",
  "pay_type",
  "state",
  "state_message",
  "superseded",
  "origin",
  "resolution",
  "resolution_note",
  "cart_id",
  "order_id",
  "idempotency_key",
  "notified_at",
  "confirmed_at",
  "next_check_at",
  "watched_until",
  "data",
  "created_at",
  "updated_at",
] as const;

const DATE_FIELDS = ["notified_at", "confirmed_at", "next_check_at", "watched_until", "created_at", "updated_at"] as const;

/** The ledger in Postgres: the plugin module's `qfpay_transaction` and `qfpay_event` tables. */
export class PostgresLedger implements TransactionStore {
  /** Sessions this instance marked watched, and until when. */
  private readonly watchedHere = new Map<string, number>();

  constructor(
    private readonly tables: LedgerTables,
    private readonly sql: SqlRunner,
  ) {}

  async insert(record: NewTransaction): Promise<TransactionRecord> {
    return toRecord(await this.tables.createQfpayTransactions({ ...record }));
  }

  async update(outTradeNo: string, changes: TransactionChanges): Promise<TransactionRecord> {
    const [updated] = await this.tables.updateQfpayTransactions({ selector: { out_trade_no: outTradeNo }, data: { ...changes } });
    if (!updated) throw new Error(`QFPay transaction ${outTradeNo} is not on record`);
    return toRecord(updated);
  }

  async get(outTradeNo: string): Promise<TransactionRecord | undefined> {
    const [row] = await this.tables.listQfpayTransactions({ out_trade_no: outTradeNo }, { take: 1 });
    return row ? toRecord(row) : undefined;
  }

  async paymentBySyssn(syssn: string): Promise<TransactionRecord | undefined> {
    const [row] = await this.tables.listQfpayTransactions({ syssn, kind: "payment" }, { take: 1 });
    return row ? toRecord(row) : undefined;
  }

  async ofSession(sessionId: string): Promise<TransactionRecord[]> {
    const rows = await this.tables.listQfpayTransactions({ session_id: sessionId }, { order: { created_at: "ASC" } });
    return rows.map(toRecord);
  }

  async due(now: Date, limit: number): Promise<TransactionRecord[]> {
    const rows = await this.tables.listQfpayTransactions({ next_check_at: { $lte: now } }, { take: limit, order: { next_check_at: "ASC" } });
    return rows.map(toRecord);
  }

  async unresolvedPaid(limit: number): Promise<TransactionRecord[]> {
    const rows = await this.tables.listQfpayTransactions(
      { kind: "payment", state: ["paid", "frozen"], resolution: null, confirmed_at: { $ne: null } },
      { take: limit, order: { confirmed_at: "ASC" } },
    );
    return rows.map(toRecord);
  }

  async unrecordedRefunds(limit: number): Promise<TransactionRecord[]> {
    const rows = await this.tables.listQfpayTransactions(
      { kind: "refund", state: "succeeded", resolution: null },
      { take: limit, order: { updated_at: "ASC" } },
    );
    return rows.map(toRecord);
  }

  async confirmedBetween(from: Date, to: Date): Promise<TransactionRecord[]> {
    const rows = await this.tables.listQfpayTransactions(
      { kind: ["payment", "refund"], confirmed_at: { $gte: from, $lt: to } },
      { order: { confirmed_at: "ASC" } },
    );
    return rows.map(toRecord);
  }

  async markWatched(sessionId: string, until: Date): Promise<void> {
    // One write per session every few seconds at most, however many tabs poll: this instance remembers what it
    // marked, and rows watched for long enough are skipped.
    const renewBefore = new Date(until.getTime() - RENEW_MARGIN_MS);
    const marked = this.watchedHere.get(sessionId);
    if (marked !== undefined && marked > renewBefore.getTime()) return;
    this.rememberWatched(sessionId, until.getTime());
    await this.sql.raw(
      `UPDATE qfpay_transaction SET watched_until = ?, next_check_at = LEAST(next_check_at, ?)
       WHERE session_id = ? AND deleted_at IS NULL AND next_check_at IS NOT NULL AND (watched_until IS NULL OR watched_until < ?)`,
      [until, new Date(Date.now() + WATCHED_CHECK_MS), sessionId, renewBefore],
    );
  }

  async reschedule(checks: ReadonlyArray<{ out_trade_no: string; next_check_at: Date | null }>): Promise<void> {
    if (checks.length === 0) return;
    // Raw, so updated_at stays as it was: a check that changed nothing is no change for the long polls.
    const values = checks.map(() => "(?, ?::timestamptz)").join(", ");
    await this.sql.raw(
      `UPDATE qfpay_transaction AS t SET next_check_at = v.at FROM (VALUES ${values}) AS v(number, at) WHERE t.out_trade_no = v.number AND t.deleted_at IS NULL`,
      checks.flatMap((check) => [check.out_trade_no, check.next_check_at]),
    );
  }

  async currentPaymentOf(sessionId: string) {
    const { rows } = await this.sql.raw(
      `SELECT out_trade_no, state, data, resolution, resolution_note FROM qfpay_transaction
       WHERE session_id = ? AND kind = 'payment' AND superseded = false AND deleted_at IS NULL
       ORDER BY attempt DESC LIMIT 1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      out_trade_no: String(row.out_trade_no),
      state: row.state as TransactionRecord["state"],
      data: (row.data as Record<string, unknown> | null) ?? null,
      resolution: (row.resolution as TransactionRecord["resolution"]) ?? null,
      resolution_note: (row.resolution_note as string | null) ?? null,
    };
  }

  private rememberWatched(sessionId: string, until: number): void {
    if (this.watchedHere.size >= WATCHED_MEMORY) this.watchedHere.clear();
    this.watchedHere.set(sessionId, until);
  }

  async addEvent(event: LedgerEvent): Promise<void> {
    await this.tables.createQfpayEvents({ ...event });
  }

  async eventsOf(sessionIds: readonly string[]): Promise<RecordedEvent[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.tables.listQfpayEvents({ session_id: [...sessionIds] }, { order: { created_at: "ASC" } });
    return rows.map((row) => ({
      session_id: String(row.session_id),
      out_trade_no: (row.out_trade_no as string | null) ?? null,
      kind: row.kind as RecordedEvent["kind"],
      message: String(row.message),
      created_at: new Date(row.created_at as string),
    }));
  }
}

/** A watch is renewed once less than this is left of it. */
const RENEW_MARGIN_MS = 5_000;
/** How many watched sessions an instance remembers before it starts over. */
const WATCHED_MEMORY = 10_000;
/** A newly watched order is asked about within this long. */
const WATCHED_CHECK_MS = 1_000;

function toRecord(row: Record<string, unknown>): TransactionRecord {
  const record: Record<string, unknown> = {};
  for (const field of FIELDS) record[field] = row[field] ?? null;
  for (const field of DATE_FIELDS) {
    const value = record[field];
    if (value !== null && !(value instanceof Date)) record[field] = new Date(value as string);
  }
  record.amount = Number(record.amount);
  record.attempt = Number(record.attempt);
  record.superseded = Boolean(record.superseded);
  return record as unknown as TransactionRecord;
}
