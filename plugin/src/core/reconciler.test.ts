import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeStoreOrders } from "../test-support/fake-store-orders";
import { paidOrder } from "../test-support/orders";
import { startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";
import type { SessionStanding } from "./store-orders";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ refreshCooldownSeconds: 0, completeAfterSeconds: 0 });
});
afterEach(() => h.close());

function openStanding(overrides: Partial<Extract<SessionStanding, { exists: true }>> = {}): SessionStanding {
  return {
    exists: true,
    status: "pending",
    cartId: "cart_1",
    cartCompleted: false,
    orderId: null,
    paymentId: null,
    paymentOutTradeNo: null,
    otherSessionPaid: false,
    ...overrides,
  };
}

describe("Reconciler", () => {
  it("completes the cart of a paid current order nobody completed, then records it as the order's payment", async () => {
    const medusa = new FakeStoreOrders();
    const paid = await paidOrder(h, 1000);
    medusa.standings.set(paid.session_id, openStanding());
    await h.runtime.reconciler.sweep(medusa);
    expect(medusa.completed).toEqual([paid.session_id]);
    medusa.standings.set(
      paid.session_id,
      openStanding({ status: "captured", cartCompleted: true, orderId: "order_1", paymentId: "pay_1", paymentOutTradeNo: paid.out_trade_no }),
    );
    const report = await h.runtime.reconciler.sweep(medusa);
    expect(report.orders).toBe(1);
    expect(h.ledger.records.get(paid.out_trade_no)).toMatchObject({ resolution: "order", order_id: "order_1" });
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn)).toHaveLength(0);
  });

  it("refunds in full a paid order whose cart was completed with another payment, with the reason on record", async () => {
    const medusa = new FakeStoreOrders();
    const paid = await paidOrder(h, 1200);
    medusa.standings.set(paid.session_id, openStanding({ cartCompleted: true, orderId: "order_2" }));
    const report = await h.runtime.reconciler.sweep(medusa);
    expect(report.orphansRefunded).toBe(1);
    const refunds = h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn);
    expect(refunds.map((entry) => [entry.txamt, entry.state])).toEqual([[1200, "succeeded"]]);
    expect(h.ledger.records.get(paid.out_trade_no)).toMatchObject({ resolution: "refunded", resolution_note: "its cart was completed with another payment" });
    expect(h.ledger.events.filter((event) => event.session_id === paid.session_id).map((event) => event.kind)).toContain("orphan_refunded");
    await h.runtime.reconciler.sweep(medusa);
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn)).toHaveLength(1);
  });

  it("after three failed completions, treats the paid order as an orphan and refunds it", async () => {
    const medusa = new FakeStoreOrders();
    medusa.completeFails = true;
    const paid = await paidOrder(h, 1300);
    medusa.standings.set(paid.session_id, openStanding());
    for (let i = 0; i < 3; i++) await h.runtime.reconciler.sweep(medusa);
    expect(h.ledger.records.get(paid.out_trade_no)?.resolution).toBe("refunded");
    expect(h.ledger.records.get(paid.out_trade_no)?.resolution_note).toMatch(/could not be completed: cart locked/);
  });

  it("with automatic refunds off, lists the orphan for an admin and refunds nothing", async () => {
    const manual = await startProviderHarness({ refreshCooldownSeconds: 0, completeAfterSeconds: 0, autoRefundOrphans: false });
    try {
      const medusa = new FakeStoreOrders();
      const paid = await paidOrder(manual, 1400);
      const report = await manual.runtime.reconciler.sweep(medusa);
      expect(report.orphansAwaitingRefund).toBe(1);
      expect(manual.ledger.records.get(paid.out_trade_no)).toMatchObject({
        resolution: "awaiting_refund",
        resolution_note: "its payment session no longer exists",
      });
      expect(manual.sandbox.ledger().filter((entry) => entry.kind === "refund")).toHaveLength(0);
    } finally {
      await manual.close();
    }
  });

  it("records a refund QFPay settled on the Medusa payment of its order", async () => {
    const medusa = new FakeStoreOrders();
    const paid = await paidOrder(h, 1500);
    medusa.standings.set(
      paid.session_id,
      openStanding({ status: "captured", cartCompleted: true, orderId: "order_5", paymentId: "pay_5", paymentOutTradeNo: paid.out_trade_no }),
    );
    await h.runtime.reconciler.sweep(medusa);
    h.sandbox.control.refundOutside(paid.syssn!, 400);
    const outside = h.sandbox.ledger().find((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn)!;
    const payment = (await h.ledger.paymentBySyssn(paid.syssn!))!;
    await h.runtime.payments.recordOutsideRefund(payment, { syssn: outside.syssn, out_trade_no: outside.outTradeNo, txamt: 400, succeeded: true });
    await h.runtime.reconciler.sweep(medusa);
    expect(medusa.refundsRecorded).toEqual([{ paymentId: "pay_5", amount: 400 }]);
  });

  it("counts completions that place no order (on record, so restarts do not reset them); after three, refunds through Medusa the payment it holds", async () => {
    const medusa = new FakeStoreOrders();
    const paid = await paidOrder(h, 1600);
    medusa.standings.set(paid.session_id, openStanding({ status: "captured", paymentId: "pay_6", paymentOutTradeNo: paid.out_trade_no }));
    medusa.onRefund = async (_paymentId, amount) => {
      await h.runtime.payments.refund(paid.session_id, paid, amount);
    };
    for (let i = 0; i < 2; i++)
      expect((await h.runtime.reconciler.sweep(medusa)).errors.join()).toMatch(/could not be completed \(\d of 3 tries\): Medusa placed no order/);
    expect(medusa.refundsRecorded).toEqual([]);
    await h.runtime.reconciler.sweep(medusa);
    expect(medusa.completed).toEqual([paid.session_id, paid.session_id, paid.session_id]);
    expect(medusa.refundsRecorded).toEqual([{ paymentId: "pay_6", amount: 1600 }]);
    const refunds = h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn);
    expect(refunds.map((entry) => [entry.txamt, entry.state])).toEqual([[1600, "succeeded"]]);
    expect(h.ledger.records.get(paid.out_trade_no)).toMatchObject({
      resolution: "refunded",
      resolution_note: "its cart could not be completed: Medusa placed no order",
    });
    expect(h.ledger.events.filter((event) => event.out_trade_no === paid.out_trade_no && event.kind === "completion_failed")).toHaveLength(3);
    await expect(h.runtime.payments.authorize(paid.session_id, paid)).rejects.toMatchObject({ code: "given_back" });
  });

  it("decides under the cart's lock: an order placed by a completion that held the lock keeps the payment", async () => {
    const medusa = new FakeStoreOrders();
    const paid = await paidOrder(h, 1700);
    medusa.standings.set(paid.session_id, openStanding({ status: "canceled" }));
    medusa.whileWaitingForCart = () =>
      medusa.standings.set(
        paid.session_id,
        openStanding({ status: "captured", cartCompleted: true, orderId: "order_7", paymentId: "pay_7", paymentOutTradeNo: paid.out_trade_no }),
      );
    const report = await h.runtime.reconciler.sweep(medusa);
    expect(report).toMatchObject({ orders: 1, orphansRefunded: 0 });
    expect(h.ledger.records.get(paid.out_trade_no)).toMatchObject({ resolution: "order", order_id: "order_7" });
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn)).toHaveLength(0);
  });
});
