import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("allows up to the limit of each window, per key, and again once the window has passed", () => {
    const limiter = new RateLimiter([
      { windowMs: 1_000, max: 3 },
      { windowMs: 10_000, max: 5 },
    ]);
    expect([0, 1, 2, 3].map((t) => limiter.allow("A", t))).toEqual([true, true, true, false]);
    expect(limiter.allow("B", 3)).toBe(true);
    expect(limiter.allow("A", 1_001)).toBe(true);
    expect(limiter.allow("A", 1_002)).toBe(true);
    expect(limiter.allow("A", 2_500)).toBe(false); // 5 within 10 s
    expect(limiter.allow("A", 10_001)).toBe(true);
  });
});
