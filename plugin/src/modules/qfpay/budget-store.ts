import { waitFor, type BudgetGrant, type BudgetLimits, type BudgetStore } from "../../core/request-budget";
import type { SqlRunner } from "./ledger-store";

/**
 * The request budget's counters in Postgres, so every Medusa instance on the database counts against the same
 * windows: one atomic statement per request takes a slot or says how long to wait.
 */
export class PostgresBudgetStore implements BudgetStore {
  constructor(private readonly sql: SqlRunner) {}

  async take(merchant: string, now: Date, limits: BudgetLimits): Promise<BudgetGrant> {
    const at = now.getTime();
    const second = Math.floor(at / 1000);
    const minute = Math.floor(at / 60_000);
    await this.sql.raw(
      `INSERT INTO qfpay_request_window (id, second, second_count, minute, minute_count, created_at, updated_at)
       VALUES (?, ?, 0, ?, 0, now(), now()) ON CONFLICT (id) DO NOTHING`,
      [merchant, second, minute],
    );
    // A request whose clock reads an older window than the row's counts in the row's window: windows never
    // move back, so a late caller cannot reset a count and win an extra slot.
    const { rows } = await this.sql.raw(
      `UPDATE qfpay_request_window SET
         second_count = CASE WHEN second >= ? THEN second_count + 1 ELSE 1 END,
         minute_count = CASE WHEN minute >= ? THEN minute_count + 1 ELSE 1 END,
         second = GREATEST(second, ?), minute = GREATEST(minute, ?), updated_at = now()
       WHERE id = ?
         AND (paused_until IS NULL OR paused_until <= ?)
         AND (second < ? OR second_count < ?)
         AND (minute < ? OR minute_count < ?)
       RETURNING id`,
      [second, minute, second, minute, merchant, now, second, limits.perSecond, minute, limits.perMinute],
    );
    if (rows.length > 0) return { granted: true };
    const { rows: state } = await this.sql.raw(`SELECT second, second_count, minute, minute_count, paused_until FROM qfpay_request_window WHERE id = ?`, [
      merchant,
    ]);
    const row = state[0] ?? {};
    const window = {
      secondCount: Number(row.second) >= second ? Number(row.second_count) : 0,
      minuteCount: Number(row.minute) >= minute ? Number(row.minute_count) : 0,
      minute,
      pausedUntil: row.paused_until ? new Date(row.paused_until as string).getTime() : 0,
    };
    return { granted: false, retryInMs: Math.max(1, waitFor(at, window, limits)) };
  }

  async pause(merchant: string, until: Date): Promise<void> {
    await this.sql.raw(`UPDATE qfpay_request_window SET paused_until = GREATEST(COALESCE(paused_until, ?), ?), updated_at = now() WHERE id = ?`, [
      until,
      until,
      merchant,
    ]);
  }
}
