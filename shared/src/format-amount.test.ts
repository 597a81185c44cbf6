import { describe, expect, it } from "vitest";
import { formatAmount } from "./format-amount.js";
import { MAX_TXAMT } from "./money.js";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatAmount", () => {
  it.each([
    [12_345, 2, "hkd", "en", "HK$123.45"],
    [12_340, 2, "HKD", "en", "HK$123.40"],
    [0, 2, "usd", "en", "$0.00"],
    [150_000, 0, "idr", "en", "IDR 150,000"],
    [1_000, 3, "bhd", "en", "BHD 1.000"],
  ])("%i (10^-%i) %s in %s → %s", (minor, exponent, currency, locale, expected) => {
    expect(plain(formatAmount(minor, exponent, currency, locale))).toBe(expected);
  });

  it("keeps every digit of QFPay's largest txamt", () => {
    expect(plain(formatAmount(MAX_TXAMT, 2, "hkd", "en"))).toBe("HK$999,999,999.99");
    expect(plain(formatAmount(MAX_TXAMT, 4, "hkd", "en"))).toBe("HK$9,999,999.9999");
  });

  it("refuses an amount that is not whole minor units", () => {
    expect(() => formatAmount(1.5, 2, "hkd", "en")).toThrow(RangeError);
  });
});
