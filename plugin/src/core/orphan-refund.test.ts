import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeStoreOrders } from "../test-support/fake-store-orders";
import { paidOrder } from "../test-support/orders";
import { startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ refreshCooldownSeconds: 0, completeAfterSeconds: 0 });
  // The first sweep reads QFPay's last half hour; done now, the faults below meet the refund itself.
  await h.runtime.reconciler.sweep(new FakeStoreOrders());
});
afterEach(() => h.close());

function refundsAtQfpay(syssn: string | undefined) {
  return h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === syssn);
}

describe("an orphan's refund in doubt", () => {
  it("a refund whose request never reached QFPay (a 503) is followed, found missing, and sent again: never taken as done", async () => {
    const medusa = new FakeStoreOrders();
    const paid = await paidOrder(h, 1800);
    h.sandbox.control.faults.set({ http5xx: 1 });
    expect((await h.runtime.reconciler.sweep(medusa)).errors.join()).toMatch(/503/);
    const lost = `${paid.session_id}|r1|1`;
    expect(h.ledger.records.get(lost)).toMatchObject({ kind: "refund", state: "requested" });

    // The next sweep sends no second refund while the first one's fate is unknown.
    h.clock.advance(10_000);
    await h.runtime.reconciler.sweep(medusa);
    expect(h.ledger.records.get(paid.out_trade_no)?.resolution).toBe("refunding");
    expect(refundsAtQfpay(paid.syssn)).toHaveLength(0);

    // A minute on, QFPay still lists no such refund: it never arrived, and the payment is unsettled again.
    h.clock.advance(120_000);
    await h.runtime.sync.tick();
    expect(h.ledger.records.get(lost)).toMatchObject({ state: "failed" });
    expect(h.ledger.records.get(paid.out_trade_no)?.resolution).toBeNull();

    expect((await h.runtime.reconciler.sweep(medusa)).errors).toEqual([]);
    expect(refundsAtQfpay(paid.syssn).map((entry) => [entry.txamt, entry.state])).toEqual([[1800, "succeeded"]]);
    expect(h.ledger.records.get(paid.out_trade_no)?.resolution).toBe("refunded");
  });
});
