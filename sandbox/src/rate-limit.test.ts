import { describe, expect, it } from "vitest";
import { QFPAY_RATE_LIMITS, RateLimiter, readRateLimitSetting } from "./rate-limit.js";

const LIMITS = { perSecond: 3, perMinute: 5 };

describe("RateLimiter", () => {
  it("allows up to the limit of each sliding window, per key, and again once the window has passed", () => {
    const limiter = new RateLimiter();
    const allowed = (key: string, at: number) => limiter.check(key, at, LIMITS).allowed;
    expect([0, 1, 2, 3].map((t) => allowed("A", t))).toEqual([true, true, true, false]);
    expect(allowed("B", 3)).toBe(true);
    expect(allowed("A", 1_000)).toBe(true); // the request at 0 left the second (0, 1000]
    expect(allowed("A", 1_002)).toBe(true);
    expect(allowed("A", 2_500)).toBe(false); // 5 within the minute
    expect(allowed("A", 60_000)).toBe(true);
  });

  it("says when to retry: once the oldest request that keeps the window full has left it, in whole seconds", () => {
    const limiter = new RateLimiter();
    for (const at of [0, 100, 200]) limiter.check("A", at, LIMITS);
    expect(limiter.check("A", 300, LIMITS)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    for (const at of [1_000, 1_100]) limiter.check("A", at, LIMITS);
    // 5 in the minute: the one at 0 leaves at 60 000, 58.8 s after 1 200.
    expect(limiter.check("A", 1_200, LIMITS)).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(limiter.check("A", 59_999, LIMITS).allowed).toBe(false);
    expect(limiter.check("A", 60_000, LIMITS).allowed).toBe(true);
  });

  it("does not count refused requests, follows changed limits and forgets everything on reset", () => {
    const limiter = new RateLimiter();
    for (let at = 0; at < 10; at++) limiter.check("A", at, LIMITS);
    expect(limiter.check("A", 1_000, LIMITS).allowed).toBe(true); // only 3 were counted, all left the second
    expect(limiter.check("A", 1_001, { perSecond: 1, perMinute: 5 }).allowed).toBe(false);
    limiter.reset();
    expect(limiter.check("A", 1_002, { perSecond: 1, perMinute: 1 }).allowed).toBe(true);
  });
});

describe("readRateLimitSetting", () => {
  it("reads false, true (QFPay's limits) and positive whole limits, nothing else", () => {
    expect(readRateLimitSetting(false)).toBe(false);
    expect(readRateLimitSetting(true)).toEqual({ perSecond: 100, perMinute: 400 });
    expect(QFPAY_RATE_LIMITS).toEqual({ perSecond: 100, perMinute: 400 });
    expect(readRateLimitSetting({ perSecond: 5, perMinute: 50 })).toEqual({ perSecond: 5, perMinute: 50 });
    for (const bad of [{ perSecond: 0, perMinute: 5 }, { perSecond: 5 }, { perSecond: 1.5, perMinute: 5 }, "on", null, 3]) {
      expect(readRateLimitSetting(bad)).toBeUndefined();
    }
  });
});
