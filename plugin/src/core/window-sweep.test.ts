import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openOrder, paidOrder } from "../test-support/orders";
import { startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";
import { sweepWindow } from "./window-sweep";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ refreshCooldownSeconds: 0 });
  // Nothing reaches the store but what the sweep reads from QFPay.
  h.sandbox.control.notificationsEnabled(false);
});
afterEach(() => h.close());

const sweep = () => sweepWindow(h.runtime.payments, h.runtime.reconcileCalls, { txzone: "+0800" });

describe("sweepWindow", () => {
  it("records as paid an order QFPay took after it was closed, with no notification", async () => {
    const data = await openOrder(h, 900);
    await h.runtime.payments.replace(data.session_id, data, {}, true);
    expect(h.ledger.records.get(data.out_trade_no)).toMatchObject({ state: "canceled", superseded: true });
    h.sandbox.control.payLate(data.out_trade_no);
    const report = await sweep();
    expect(report.latePayments).toBe(1);
    expect(h.ledger.records.get(data.out_trade_no)).toMatchObject({ state: "paid", superseded: true, resolution: null });
    expect(h.ledger.records.get(data.out_trade_no)?.confirmed_at).not.toBeNull();
    expect((await sweep()).latePayments).toBe(0);
  });

  it("records a refund made in QFPay's portal against the store's payment", async () => {
    const paid = await paidOrder(h, 1000);
    const outside = h.sandbox.control.refundOutside(paid.syssn!, 250);
    const report = await sweep();
    expect(report.outsideRefunds).toBe(1);
    expect(h.ledger.records.get(outside.outTradeNo)).toMatchObject({
      kind: "refund",
      origin: "qfpay",
      state: "succeeded",
      amount: 250,
      parent_out_trade_no: paid.out_trade_no,
    });
    expect(h.ledger.events.some((event) => event.kind === "refund_outside" && event.out_trade_no === outside.outTradeNo)).toBe(true);
    expect((await sweep()).outsideRefunds).toBe(0);
  });
});
