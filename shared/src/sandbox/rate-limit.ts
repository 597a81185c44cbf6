/** QFPay's documented limits per merchant: 100 requests a second and 400 a minute. */
export const QFPAY_RATE_LIMITS: readonly RateWindow[] = [
  { windowMs: 1_000, max: 100 },
  { windowMs: 60_000, max: 400 },
];

export interface RateWindow {
  windowMs: number;
  max: number;
}

/** Sliding-window counters per key (app code); `allow` records the request when it is within every window. */
export class RateLimiter {
  private readonly history = new Map<string, number[]>();

  constructor(private readonly windows: readonly RateWindow[] = QFPAY_RATE_LIMITS) {}

  allow(key: string, nowMs: number): boolean {
    const longest = Math.max(...this.windows.map((window) => window.windowMs));
    const recent = (this.history.get(key) ?? []).filter((at) => at > nowMs - longest);
    const within = this.windows.every(({ windowMs, max }) => recent.filter((at) => at > nowMs - windowMs).length < max);
    if (within) recent.push(nowMs);
    this.history.set(key, recent);
    return within;
  }
}
