import { describe, expect, it } from "vitest";
import { QfpayGatewayError, QfpayRateLimitError, QfpayTransportError } from "./errors.js";
import { isRetryable, withRetries } from "./retry-policy.js";
import { SendError } from "./transport.js";

const notSent = new SendError("payment", "network", "refused", false, undefined);
const maybeSent = new SendError("payment", "network", "reset", true, undefined);
const timeout = new SendError("payment", "timeout", "slow", true, undefined);
const http = (status: number) => new QfpayTransportError("query", "http_status", `HTTP ${status}`, status);

describe("isRetryable", () => {
  it("repeats reads after any transient failure", () => {
    for (const error of [notSent, maybeSent, timeout, http(500), http(503), new QfpayGatewayError("query", "1100")]) {
      expect(isRetryable(error, true), String(error)).toBe(true);
    }
  });

  it("repeats writes only when the request never left", () => {
    expect(isRetryable(notSent, false)).toBe(true);
    for (const error of [maybeSent, timeout, http(503), new QfpayGatewayError("payment", "1205")]) {
      expect(isRetryable(error, false), String(error)).toBe(false);
    }
  });

  it("never repeats a 429 at once, not even a read", () => {
    const limited = new QfpayRateLimitError("query", 3);
    expect(isRetryable(limited, true)).toBe(false);
    expect(limited.message).toMatch(/rate limit/);
    expect(limited.message).not.toMatch(/could not be reached/);
    expect(limited.retryAfterSeconds).toBe(3);
  });

  it("never repeats final answers", () => {
    for (const error of [http(400), new QfpayGatewayError("query", "1108"), new QfpayTransportError("query", "bad_signature", "x"), new Error("bug")]) {
      expect(isRetryable(error, true), String(error)).toBe(false);
    }
  });
});

describe("withRetries", () => {
  it("stops at the budget and rethrows the last error", async () => {
    const thrown: QfpayTransportError[] = [];
    const run = () => {
      thrown.push(http(503));
      return Promise.reject(thrown.at(-1));
    };
    const error = await withRetries({ idempotent: true, retries: 2, delayMs: 0 }, run).catch((caught: unknown) => caught);
    expect(thrown).toHaveLength(3);
    expect(error).toBe(thrown[2]);
  });

  it("returns the first success", async () => {
    let calls = 0;
    const value = await withRetries({ idempotent: true, retries: 5, delayMs: 0 }, async () => {
      calls += 1;
      if (calls < 3) throw http(502);
      return "ok";
    });
    expect([value, calls]).toEqual(["ok", 3]);
  });
});
