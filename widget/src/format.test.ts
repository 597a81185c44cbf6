import { describe, expect, it } from "vitest";
import { formatAmount, formatClock } from "./format.js";

describe("formatAmount", () => {
  it.each([
    [12_345, "hkd", "en", "HK$123.45"],
    [3_300, "jpy", "ja", "￥3,300"],
    [59_000, "thb", "th", "฿590.00"],
    [1_000, "bhd", "en", "BHD 1.000"],
    [150, "xyz", "en", "XYZ 1.50"],
  ])("%i %s in %s → %s", (amount, currency, locale, expected) => {
    expect(formatAmount(amount, currency, locale).replace(/\u00a0/g, " ")).toBe(expected);
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
