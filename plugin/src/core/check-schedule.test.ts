import { describe, expect, it } from "vitest";
import { nextCheckAt } from "./check-schedule";

const OPTIONS = { statusQueryIntervalSeconds: 2, idleCheckSeconds: 20 };
const NOW = new Date("2026-12-01T09:00:00Z");
const inSeconds = (date: Date | null) => (date ? (date.getTime() - NOW.getTime()) / 1000 : null);

describe("nextCheckAt", () => {
  it("asks soon about watched and processing orders, rarely about the others, never about ended ones", () => {
    const watched = new Date(NOW.getTime() + 5000);
    expect(inSeconds(nextCheckAt("pending", watched, NOW, OPTIONS, () => 0.5))).toBe(2);
    expect(inSeconds(nextCheckAt("processing", null, NOW, OPTIONS, () => 0.5))).toBe(2);
    expect(inSeconds(nextCheckAt("pending", null, NOW, OPTIONS, () => 0.5))).toBe(20);
    expect(inSeconds(nextCheckAt("pending", new Date(NOW.getTime() - 1), NOW, OPTIONS, () => 0.5))).toBe(20);
    for (const state of ["paid", "failed", "canceled", "expired", "succeeded"] as const) {
      expect(nextCheckAt(state, watched, NOW, OPTIONS)).toBeNull();
    }
  });

  it("spreads checks over ±20 % so sessions opened together do not ask in the same second", () => {
    expect(inSeconds(nextCheckAt("pending", null, NOW, OPTIONS, () => 0))).toBe(16);
    expect(inSeconds(nextCheckAt("pending", null, NOW, OPTIONS, () => 0.999999))).toBeCloseTo(24, 2);
  });
});
