import { describe, expect, it } from "vitest";
import { formatAmount } from "@qfpay-medusa/shared/checkout";
import { formatClock } from "./format.js";

describe("formatAmount", () => {
  it.each([
    [12_345, 2, "hkd", "en", "HK$123.45"],
    [3_300, 0, "jpy", "ja", "￥3,300"],
    [59_000, 2, "thb", "th", "฿590.00"],
    [1_000, 3, "bhd", "en", "BHD 1.000"],
    [150, 2, "xyz", "en", "XYZ 1.50"],
    // QFPay's minor units, not the browser's: whole rupiah, kyat in pya.
    [150_000, 0, "idr", "en", "IDR 150,000"],
    [123_456, 2, "mmk", "en", "MMK 1,234.56"],
  ])("%i (10^-%i) %s in %s → %s", (amount, exponent, currency, locale, expected) => {
    expect(formatAmount(amount, exponent, currency, locale).replace(/\u00a0/g, " ")).toBe(expected);
  });
});

describe("formatClock", () => {
  it.each([
    [0, "0:00"],
    [9, "0:09"],
    [245, "4:05"],
    [3723, "1:02:03"],
  ])("%i s → %s", (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });
});
