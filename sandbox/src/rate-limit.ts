import { SlidingWindow } from "./sliding-window.js";
import type { RateLimits, RateLimitSetting } from "./types.js";

/** QFPay's documented limits per merchant ("API Limitation"): 100 requests a second and 400 a minute. */
export const QFPAY_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({ perSecond: 100, perMinute: 400 });

const WINDOWS = [
  { limit: "perSecond", windowMs: 1_000 },
  { limit: "perMinute", windowMs: 60_000 },
] as const;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Reads a rate-limit setting: `false` (off), `true` (QFPay's limits) or `{ perSecond, perMinute }` with
 * positive whole numbers; undefined when it is none of these.
 */
export function readRateLimitSetting(value: unknown): RateLimitSetting | undefined {
  if (value === false) return false;
  if (value === true) return { ...QFPAY_RATE_LIMITS };
  if (typeof value !== "object" || value === null) return undefined;
  const { perSecond, perMinute } = value as Partial<Record<keyof RateLimits, unknown>>;
  const positive = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0;
  return positive(perSecond) && positive(perMinute) ? { perSecond, perMinute } : undefined;
}

/**
 * Sliding windows per key (app code): a request is allowed when fewer than the limit were allowed in the last
 * second and in the last 60 seconds. Refused requests are not counted, so a client that backs off gets through
 * again as soon as the oldest allowed request leaves the window.
 */
export class RateLimiter {
  private readonly windows = new Map<string, SlidingWindow[]>();

  check(key: string, nowMs: number, limits: RateLimits): RateDecision {
    const windows = this.windowsOf(key);
    let waitMs = 0;
    WINDOWS.forEach(({ limit }, index) => {
      const window = windows[index]!;
      const count = window.countAt(nowMs);
      const max = limits[limit];
      // Allowed again once count - max + 1 of the requests inside have left the window.
      if (count >= max) waitMs = Math.max(waitMs, window.at(count - max)! + window.windowMs - nowMs);
    });
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1_000)) };
    for (const window of windows) window.add(nowMs);
    return { allowed: true };
  }

  /** Forgets every request counted so far. */
  reset(): void {
    this.windows.clear();
  }

  private windowsOf(key: string): SlidingWindow[] {
    let windows = this.windows.get(key);
    if (!windows) {
      windows = WINDOWS.map(({ windowMs }) => new SlidingWindow(windowMs));
      this.windows.set(key, windows);
    }
    return windows;
  }
}
