import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCIES, UnknownCurrencyError } from "./catalogs/currencies.js";
import { AmountError, fromMinorUnits, MAX_TXAMT, minorToDecimal, minorUnitsToDecimalString, toMinorUnits } from "./money.js";

/** Writes `minor` minor units as a major-unit decimal by hand, with `extra` digits appended after the exponent. */
function majorText(minor: bigint, exponent: number, extra: string): string {
  const digits = minor.toString().padStart(exponent + 1, "0");
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = (exponent ? digits.slice(-exponent) : "") + extra;
  return fraction ? `${whole}.${fraction}` : whole;
}

const minorAmount = fc.bigInt({ min: 0n, max: BigInt(MAX_TXAMT) - 1n });
const extraDigits = fc.stringMatching(/^\d{0,8}$/);

describe.each(CURRENCIES.map((currency) => [currency.code, currency.exponent] as const))("%s", (code, exponent) => {
  it("converts any decimal exactly, rounding half up on the first dropped digit", () => {
    fc.assert(
      fc.property(minorAmount, extraDigits, (minor, extra) => {
        const expected = minor + (extra !== "" && Number(extra[0]) >= 5 ? 1n : 0n);
        expect(toMinorUnits(majorText(minor, exponent, extra), code)).toBe(Number(expected));
      }),
      { numRuns: 300 },
    );
  });

  it("reads numbers, bigints and BigNumber shapes as their decimal text", () => {
    fc.assert(
      fc.property(minorAmount, fc.stringMatching(/^\d{0,3}$/), (minor, extra) => {
        const text = majorText(minor, exponent, extra);
        const expected = toMinorUnits(text, code);
        // Up to 15 significant digits survive a round trip through a double.
        if (text.replace(/\D/g, "").replace(/^0+/, "").length <= 15) expect(toMinorUnits(Number(text), code)).toBe(expected);
        expect(toMinorUnits({ value: text, precision: 20 }, code)).toBe(expected);
        expect(toMinorUnits({ toString: () => text }, code)).toBe(expected);
      }),
      { numRuns: 200 },
    );
    expect(toMinorUnits(12n, code)).toBe(12 * 10 ** exponent);
  });

  it("round-trips minor units through major units", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_TXAMT }), (minor) => {
        expect(toMinorUnits(minorUnitsToDecimalString(minor, code), code)).toBe(minor);
        expect(toMinorUnits(fromMinorUnits(minor, code), code)).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });
});

describe("toMinorUnits", () => {
  it("handles the amounts floating point gets wrong", () => {
    expect(toMinorUnits(12.345, "HKD")).toBe(1235);
    expect(toMinorUnits(1.005, "USD")).toBe(101);
    expect(toMinorUnits(0.1 + 0.2, "USD")).toBe(30);
    expect(toMinorUnits("1.0049999", "USD")).toBe(100);
    expect(toMinorUnits(1999.5, "JPY")).toBe(2000);
    expect(toMinorUnits("1999.4999", "jpy")).toBe(1999);
    expect(toMinorUnits(8.675, "SGD")).toBe(868);
    expect(toMinorUnits(1e-7, "HKD")).toBe(0);
    expect(toMinorUnits("1.5e2", "HKD")).toBe(15000);
    expect(toMinorUnits({ value: "12.345", precision: 20 }, "HKD")).toBe(1235);
    expect(toMinorUnits({ value: 7, precision: 20 }, "HKD")).toBe(700);
    expect(toMinorUnits("-0", "HKD")).toBe(0);
    // Medusa's BigNumber: raw { value: toPrecision(20), precision: 20 }, and toString() gives raw.value.
    expect(toMinorUnits({ value: "12.345000000000000000", precision: 20 }, "HKD")).toBe(1235);
    expect(toMinorUnits({ toString: () => "1.2344999999999999999e+1" }, "HKD")).toBe(1234);
  });

  it("rejects negative, non-finite, malformed and too large amounts with AmountError", () => {
    for (const bad of [-1, "-0.01", Number.NaN, Number.POSITIVE_INFINITY, "abc", "", "1.2.3", "0x10", {}, "1e999"]) {
      expect(() => toMinorUnits(bad as never, "HKD"), String(bad)).toThrow(AmountError);
    }
    expect(() => toMinorUnits("1000000000", "HKD")).toThrow(/exceeds QFPay's txamt limit/);
    expect(toMinorUnits("999999999.99", "HKD")).toBe(MAX_TXAMT);
    expect(() => toMinorUnits("999999999.995", "HKD")).toThrow(AmountError);
  });

  it("rejects an unknown currency", () => {
    expect(() => toMinorUnits(1, "XXX")).toThrow(UnknownCurrencyError);
  });
});

describe("fromMinorUnits", () => {
  it("gives major units exactly for the exponent", () => {
    expect(fromMinorUnits(12345, "HKD")).toBe(123.45);
    expect(fromMinorUnits("12345", "hkd")).toBe(123.45);
    expect(fromMinorUnits(500, "JPY")).toBe(500);
    expect(fromMinorUnits(5, "USD")).toBe(0.05);
    expect(minorUnitsToDecimalString(100, "USD")).toBe("1");
    expect(minorUnitsToDecimalString(7, "EUR")).toBe("0.07");
    expect(minorUnitsToDecimalString("0012", "IDR")).toBe("12");
  });

  it("rejects non-integers", () => {
    expect(() => fromMinorUnits(1.5, "HKD")).toThrow(AmountError);
    expect(() => fromMinorUnits("12a", "HKD")).toThrow(AmountError);
  });
});

describe("minorToDecimal", () => {
  it.each([
    [12_340, 2, "123.40"],
    [5, 2, "0.05"],
    [500, 0, "500"],
    ["-0012", 2, "-0.12"],
    ["-0", 2, "0.00"],
    [MAX_TXAMT, 4, "9999999.9999"],
  ] as const)("%s with %i digits → %s", (minor, exponent, expected) => {
    expect(minorToDecimal(minor, exponent)).toBe(expected);
  });
});
