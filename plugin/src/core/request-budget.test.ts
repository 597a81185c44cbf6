import { describe, expect, it } from "vitest";
import { TestClock } from "../test-support/test-clock";
import { MemoryBudgetStore } from "../test-support/memory-budget-store";
import { BudgetExhaustedError, limitsFor, RequestBudget } from "./request-budget";

function budget(limits = { perSecond: 10, perMinute: 30 }, start = Date.UTC(2026, 11, 1, 9, 0, 0)) {
  const clock = TestClock.at(start);
  const slept: number[] = [];
  const warnings: string[] = [];
  const store = new MemoryBudgetStore();
  const subject = new RequestBudget({
    merchant: "APP/MCH",
    limits,
    store,
    now: clock.now,
    logger: { warn: (line) => warnings.push(line) },
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
  });
  return { subject, clock, slept, warnings, store };
}

describe("RequestBudget", () => {
  it("gives each priority its share: money all of it, the sync 70 %, reconciliation 40 %", () => {
    expect(limitsFor({ perSecond: 20, perMinute: 180 }, "money")).toEqual({ perSecond: 20, perMinute: 180 });
    expect(limitsFor({ perSecond: 20, perMinute: 180 }, "sync")).toEqual({ perSecond: 14, perMinute: 126 });
    expect(limitsFor({ perSecond: 20, perMinute: 180 }, "reconcile")).toEqual({ perSecond: 8, perMinute: 72 });
  });

  it("never lets more than the limits through in one second or one minute, whatever the priority", async () => {
    const { subject, clock } = budget();
    let granted = 0;
    for (let second = 0; second < 60; second++) {
      for (let i = 0; i < 50; i++) {
        try {
          await subject.acquire("sync");
          granted++;
        } catch (error) {
          expect(error).toBeInstanceOf(BudgetExhaustedError);
        }
      }
      clock.advance(1000);
    }
    // 70 % of 30 per minute: at most 21 sync requests in the whole minute.
    expect(granted).toBe(21);
  });

  it("keeps slots for payments and refunds when the sync has used its share", async () => {
    const { subject } = budget();
    for (let i = 0; i < 7; i++) await subject.acquire("sync");
    await expect(subject.acquire("sync")).rejects.toBeInstanceOf(BudgetExhaustedError);
    await expect(subject.acquire("money")).resolves.toBeUndefined();
    await expect(subject.acquire("money")).resolves.toBeUndefined();
  });

  it("makes a payment wait for the next second instead of failing, and says how long when it cannot", async () => {
    const { subject, slept } = budget({ perSecond: 2, perMinute: 3 });
    await subject.acquire("money");
    await subject.acquire("money");
    await subject.acquire("money");
    expect(slept.length).toBeGreaterThan(0);
    const error = (await subject.acquire("money").catch((caught: unknown) => caught)) as BudgetExhaustedError;
    expect(error).toBeInstanceOf(BudgetExhaustedError);
    expect(error.message).toMatch(/request budget of this merchant is used up .* try again in \d+ s/);
  });

  it("pauses every request of the merchant after a 429, for Retry-After or 5 s, with a log line", async () => {
    const { subject, clock, warnings } = budget();
    await subject.rateLimited(3);
    expect(warnings.join("\n")).toMatch(/429 .* merchant APP\/MCH: requests paused for 3 s/);
    await expect(subject.acquire("sync")).rejects.toBeInstanceOf(BudgetExhaustedError);
    clock.advance(3000);
    await expect(subject.acquire("sync")).resolves.toBeUndefined();
    await subject.rateLimited(undefined);
    expect(warnings.at(-1)).toMatch(/paused for 5 s/);
  });
});
