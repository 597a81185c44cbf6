import {
  currentPayment,
  type LedgerEvent,
  type NewTransaction,
  type RecordedEvent,
  type TransactionChanges,
  type TransactionRecord,
  type TransactionStore,
} from "../core/ledger";

/** The ledger in memory, for unit tests of what sits on top of it. Same contract as the Postgres one. */
export class MemoryLedger implements TransactionStore {
  readonly records = new Map<string, TransactionRecord>();
  readonly events: RecordedEvent[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async insert(record: NewTransaction): Promise<TransactionRecord> {
    if (this.records.has(record.out_trade_no)) throw new Error(`duplicate out_trade_no ${record.out_trade_no}`);
    const stored = { ...record, created_at: this.now(), updated_at: this.now() };
    this.records.set(record.out_trade_no, stored);
    return { ...stored };
  }

  async update(outTradeNo: string, changes: TransactionChanges): Promise<TransactionRecord> {
    const current = this.records.get(outTradeNo);
    if (!current) throw new Error(`QFPay transaction ${outTradeNo} is not on record`);
    const next = { ...current, ...changes, updated_at: this.now() };
    this.records.set(outTradeNo, next);
    return { ...next };
  }

  async get(outTradeNo: string): Promise<TransactionRecord | undefined> {
    const record = this.records.get(outTradeNo);
    return record ? { ...record } : undefined;
  }

  async paymentBySyssn(syssn: string): Promise<TransactionRecord | undefined> {
    return this.all().find((record) => record.kind === "payment" && record.syssn === syssn);
  }

  async ofSession(sessionId: string): Promise<TransactionRecord[]> {
    return this.all().filter((record) => record.session_id === sessionId);
  }

  async due(now: Date, limit: number): Promise<TransactionRecord[]> {
    return this.all()
      .filter((record) => record.next_check_at !== null && record.next_check_at.getTime() <= now.getTime())
      .sort((a, b) => a.next_check_at!.getTime() - b.next_check_at!.getTime())
      .slice(0, limit);
  }

  async unresolvedPaid(limit: number): Promise<TransactionRecord[]> {
    return this.all()
      .filter(
        (record) =>
          record.kind === "payment" && (record.state === "paid" || record.state === "frozen") && record.resolution === null && record.confirmed_at !== null,
      )
      .slice(0, limit);
  }

  async unrecordedRefunds(limit: number): Promise<TransactionRecord[]> {
    return this.all()
      .filter((record) => record.kind === "refund" && record.state === "succeeded" && record.resolution === null)
      .slice(0, limit);
  }

  async confirmedBetween(from: Date, to: Date): Promise<TransactionRecord[]> {
    return this.all().filter(
      (record) =>
        (record.kind === "payment" || record.kind === "refund") && record.confirmed_at !== null && record.confirmed_at >= from && record.confirmed_at < to,
    );
  }

  async markWatched(sessionId: string, until: Date): Promise<void> {
    for (const record of this.all()) {
      if (record.session_id !== sessionId || record.next_check_at === null) continue;
      await this.update(record.out_trade_no, { watched_until: until });
    }
  }

  async reschedule(checks: ReadonlyArray<{ out_trade_no: string; next_check_at: Date | null }>): Promise<void> {
    for (const check of checks) {
      const current = this.records.get(check.out_trade_no);
      if (current) this.records.set(check.out_trade_no, { ...current, next_check_at: check.next_check_at });
    }
  }

  async currentPaymentOf(sessionId: string) {
    const current = currentPayment(this.all().filter((record) => record.session_id === sessionId));
    if (!current) return undefined;
    const { out_trade_no, state, data, resolution, resolution_note } = current;
    return { out_trade_no, state, data, resolution, resolution_note };
  }

  async addEvent(event: LedgerEvent): Promise<void> {
    this.events.push({ ...event, created_at: this.now() });
  }

  async eventsOf(sessionIds: readonly string[]): Promise<RecordedEvent[]> {
    return this.events.filter((event) => sessionIds.includes(event.session_id));
  }

  private all(): TransactionRecord[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }
}
