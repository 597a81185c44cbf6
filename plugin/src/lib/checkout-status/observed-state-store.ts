import type { QfpaySessionData } from "../../providers/qfpay/session-data";

/** What the plugin last learnt about a session's QFPay order, from a notification or a query. */
export interface ObservedState
  extends Pick<QfpaySessionData, "out_trade_no" | "state" | "state_message" | "processing_since" | "syssn"> {
  /** ISO instant of the query or notification. */
  checked_at: string;
  source: "query" | "notification";
}

/** Medusa's cache module (`Modules.CACHE`): in memory by default, Redis in production. */
export interface CacheLike {
  get<T>(key: string): Promise<T | null>;
  set(key: string, data: unknown, ttl?: number): Promise<void>;
  invalidate(key: string): Promise<void>;
}

/** Longer than any code lives (120 minutes at most) so a state outlasts its code. */
const TTL_SECONDS = 3 * 60 * 60;

/**
 * Observed states kept in Medusa's cache so every Medusa instance sees what any of them learnt,
 * and so polling tabs do not each ask QFPay.
 */
export class ObservedStateStore {
  constructor(private readonly cache: CacheLike) {}

  get(sessionId: string): Promise<ObservedState | null> {
    return this.cache.get<ObservedState>(keyOf(sessionId));
  }

  put(sessionId: string, state: ObservedState): Promise<void> {
    return this.cache.set(keyOf(sessionId), state, TTL_SECONDS);
  }

  forget(sessionId: string): Promise<void> {
    return this.cache.invalidate(keyOf(sessionId));
  }
}

function keyOf(sessionId: string): string {
  return `qfpay:observed:${sessionId}`;
}
