import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTxdtm, isValidTxzone, parseTxdtm, TimeFormatError, txzoneOffsetMinutes } from "./time.js";

const instant = new Date("2024-02-29T16:30:05.789Z");

describe("formatTxdtm", () => {
  it("writes the wall clock of the zone, +0800 by default", () => {
    expect(formatTxdtm(instant)).toBe("2024-03-01 00:30:05");
    expect(formatTxdtm(instant, "+0000")).toBe("2024-02-29 16:30:05");
    expect(formatTxdtm(instant, "+0900")).toBe("2024-03-01 01:30:05");
    expect(formatTxdtm(instant, "-0500")).toBe("2024-02-29 11:30:05");
    expect(formatTxdtm(instant, "+0530")).toBe("2024-02-29 22:00:05");
    expect(formatTxdtm(new Date("2019-12-31T23:59:59Z"), "+1400")).toBe("2020-01-01 13:59:59");
  });

  it("rejects invalid dates and zones", () => {
    expect(() => formatTxdtm(new Date(Number.NaN))).toThrow(TimeFormatError);
    for (const zone of ["0800", "+08:00", "+8", "+1500", "+0860", "UTC"]) expect(() => formatTxdtm(instant, zone), zone).toThrow(TimeFormatError);
  });
});

describe("parseTxdtm", () => {
  it("reads a wall clock back as the same instant (to the second) in any zone", () => {
    const zone = fc
      .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 13 }), fc.constantFrom(0, 15, 30, 45))
      .map(([sign, hours, minutes]) => `${sign}${String(hours).padStart(2, "0")}${String(minutes).padStart(2, "0")}`);
    const date = fc.date({ min: new Date("1971-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(date, zone, (when, txzone) => {
        const seconds = Math.floor(when.getTime() / 1000) * 1000;
        expect(parseTxdtm(formatTxdtm(when, txzone), txzone).getTime()).toBe(seconds);
      }),
    );
  });

  it("rejects malformed and impossible times", () => {
    for (const text of ["2024-02-30 10:00:00", "2023-02-29 10:00:00", "2024-01-01 24:00:00", "2024-01-01T10:00:00", "2024-1-1 1:0:0", ""]) {
      expect(() => parseTxdtm(text), text).toThrow(TimeFormatError);
    }
  });
});

describe("txzone", () => {
  it("validates and measures offsets", () => {
    expect(isValidTxzone("+0800")).toBe(true);
    expect(isValidTxzone("-1200")).toBe(true);
    expect(isValidTxzone("+1401")).toBe(false);
    expect(isValidTxzone("+08")).toBe(false);
    expect(txzoneOffsetMinutes("+0800")).toBe(480);
    expect(txzoneOffsetMinutes("-0330")).toBe(-210);
  });
});
