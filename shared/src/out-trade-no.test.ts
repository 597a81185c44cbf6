import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOutTradeNo, isValidOutTradeNo, OutTradeNoError, parseOutTradeNo } from "./out-trade-no.js";

const part = fc.stringMatching(/^[A-Za-z0-9_*]{1,40}$/);
const kind = fc.oneof(
  fc.constant("p"),
  fc.integer({ min: 1, max: 99 }).map((n) => `r${n}`),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,3}$/),
);
const attempt = fc.integer({ min: 1, max: 1_000_000 });

describe("out_trade_no", () => {
  it("builds valid numbers that parse back to their parts", () => {
    fc.assert(
      fc.property(fc.option(part, { nil: undefined }), part, attempt, kind, (prefix, reference, n, k) => {
        const no = buildOutTradeNo({ prefix, reference, attempt: n, kind: k });
        expect(isValidOutTradeNo(no)).toBe(true);
        expect(parseOutTradeNo(no)).toEqual({ ...(prefix !== undefined ? { prefix } : {}), reference, attempt: n, kind: k });
      }),
    );
  });

  it("gives a different number for each attempt and kind", () => {
    const reference = "payses_01J9ZK3M6Q8W2XJ5T7B4C1D0EF";
    const numbers = new Set([
      buildOutTradeNo({ reference, attempt: 1 }),
      buildOutTradeNo({ reference, attempt: 2 }),
      buildOutTradeNo({ reference, attempt: 1, kind: "r1" }),
      buildOutTradeNo({ reference, attempt: 1, kind: "r2" }),
      buildOutTradeNo({ reference, attempt: 12 }),
    ]);
    expect(numbers.size).toBe(5);
    expect(buildOutTradeNo({ reference, attempt: 1 })).toBe(`${reference}|p|1`);
  });

  it("refuses what QFPay or the format cannot carry", () => {
    expect(() => buildOutTradeNo({ reference: "pay-ses", attempt: 1 })).toThrow(OutTradeNoError);
    expect(() => buildOutTradeNo({ reference: "a|b", attempt: 1 })).toThrow(OutTradeNoError);
    expect(() => buildOutTradeNo({ reference: "", attempt: 1 })).toThrow(OutTradeNoError);
    expect(() => buildOutTradeNo({ reference: "x", attempt: 0 })).toThrow(OutTradeNoError);
    expect(() => buildOutTradeNo({ reference: "x", attempt: 1.5 })).toThrow(OutTradeNoError);
    expect(() => buildOutTradeNo({ reference: "x", attempt: 1, kind: "1r" })).toThrow(OutTradeNoError);
    expect(() => buildOutTradeNo({ reference: "x".repeat(124), attempt: 10 })).toThrow(/128/);
    expect(buildOutTradeNo({ reference: "x".repeat(124), attempt: 1 })).toHaveLength(128);
  });

  it("validates any out_trade_no and parses only its own format", () => {
    expect(isValidOutTradeNo("CHZ7D61JN1ANJF2R2K1I7TXP2JTCEWBL")).toBe(true);
    expect(isValidOutTradeNo("a*b_c|d")).toBe(true);
    expect(isValidOutTradeNo("a-b")).toBe(false);
    expect(isValidOutTradeNo("")).toBe(false);
    expect(isValidOutTradeNo("x".repeat(129))).toBe(false);
    expect(isValidOutTradeNo("订单1")).toBe(false);
    expect(parseOutTradeNo("CHZ7D61JN1ANJF2R2K1I7TXP2JTCEWBL")).toBeUndefined();
    expect(parseOutTradeNo("a|p|0")).toBeUndefined();
    expect(parseOutTradeNo("a|p|01")).toBeUndefined();
    expect(parseOutTradeNo("a|b|p|1|2")).toBeUndefined();
  });
});
