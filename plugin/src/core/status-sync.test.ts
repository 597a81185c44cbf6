import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openOrder } from "../test-support/orders";
import { APP_CODE, startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";
import type { Lease } from "./lease";
import { StatusSync } from "./status-sync";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ requestBudget: { perSecond: 50, perMinute: 400 } });
});
afterEach(() => h.close());

async function openOrders(count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const data = await openOrder(h, 100 + i);
    numbers.push(data.out_trade_no);
  }
  return numbers;
}

/** Due now, with the second's request window (which opening the orders used) past, so the sync gets its share. */
async function makeDue(numbers: readonly string[]): Promise<void> {
  for (const number of numbers) await h.ledger.update(number, { next_check_at: new Date(Date.now() - 1000) });
  h.clock.advance(1000);
}

function queriesSent(): number {
  return h.sandbox.control.traffic().appCodes[APP_CODE]?.endpoints.query?.requests ?? 0;
}

describe("StatusSync", () => {
  it("asks QFPay about 150 open orders in two queries of at most 100, and records the ones paid meanwhile", async () => {
    const numbers = await openOrders(150);
    for (const number of numbers.slice(0, 10)) h.sandbox.control.pay(number);
    await makeDue(numbers);
    const before = queriesSent();
    const first = await h.runtime.sync.tick();
    const second = await h.runtime.sync.tick();
    expect(first.deferred || second.deferred).toBe(false);
    expect([first.asked, second.asked]).toEqual([100, 50]);
    expect(queriesSent() - before).toBe(2);
    const states = numbers.map((number) => h.ledger.records.get(number)!.state);
    expect(states.slice(0, 10)).toEqual(Array(10).fill("paid"));
    expect(new Set(states.slice(10))).toEqual(new Set(["pending"]));
    expect(numbers.slice(0, 10).every((number) => h.ledger.records.get(number)!.confirmed_at !== null)).toBe(true);
    expect(numbers.slice(10).every((number) => h.ledger.records.get(number)!.next_check_at!.getTime() > Date.now())).toBe(true);
    expect((await h.runtime.sync.tick()).asked).toBe(0);
    expect(h.sandbox.control.traffic().appCodes[APP_CODE]?.rateLimited).toBe(0);
  });

  it("does nothing on an instance that does not hold the merchant's lease", async () => {
    const [number] = await openOrders(1);
    await makeDue([number!]);
    const elsewhere: Lease = { beat: async () => undefined };
    const sync = new StatusSync({ merchant: "m", payments: h.runtime.payments, calls: h.runtime.reconcileCalls, lease: elsewhere });
    const before = queriesSent();
    expect(await sync.tick()).toMatchObject({ ran: false, asked: 0 });
    expect(queriesSent()).toBe(before);
  });

  it("withdraws a code QFPay still lists as waiting a minute after it expired, and asks once more later for a late approval", async () => {
    const [number] = await openOrders(1);
    const record = h.ledger.records.get(number!)!;
    const data = { ...(record.data as Record<string, unknown>), expires_at: new Date(Date.now() - 61_000).toISOString() };
    await h.ledger.update(number!, { data });
    await makeDue([number!]);
    await h.runtime.sync.tick();
    const after = h.ledger.records.get(number!)!;
    expect(after.state).toBe("expired");
    expect(h.sandbox.ledger().find((entry) => entry.kind === "payment" && entry.outTradeNo === number)?.state).toBe("closed");
    expect(after.next_check_at!.getTime() - Date.now()).toBeGreaterThan(100_000);
  });
});
