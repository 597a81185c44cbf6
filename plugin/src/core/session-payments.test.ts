import { parseNotification, type Notification } from "@qfpay-medusa/shared/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openOrder } from "../test-support/orders";
import { CLIENT_KEY, startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ refreshCooldownSeconds: 0 });
});
afterEach(() => h.close());

async function notificationOf(outTradeNo: string): Promise<Notification> {
  const received = await h.inbox.waitFor(outTradeNo);
  return parseNotification(received.body, received.signature, CLIENT_KEY);
}

function sandboxPayments(sessionId: string) {
  return h.sandbox.ledger().filter((entry) => entry.kind === "payment" && entry.outTradeNo.includes(sessionId));
}

describe("one session's transitions, serialized", () => {
  for (const first of ["notification", "refresh"] as const) {
    it(`a paid code's notification and a new-code request at once (${first} first): the paid order is kept, no second code`, async () => {
      const data = await openOrder(h, 500);
      h.sandbox.control.pay(data.out_trade_no);
      const notification = await notificationOf(data.out_trade_no);
      const notify = () => h.runtime.payments.notification(data.session_id, notification);
      const refresh = () =>
        h.runtime.payments.replace(data.session_id, data, {}, true).then(
          () => "replaced",
          (error: Error) => error.message,
        );
      const [a, b] = first === "notification" ? await Promise.all([notify(), refresh()]) : (await Promise.all([refresh(), notify()])).reverse();
      expect(a).toMatchObject({ kind: "complete", sessionId: data.session_id, action: "captured" });
      expect(b).toMatch(/already paid/);
      expect(sandboxPayments(data.session_id).map((entry) => entry.outTradeNo)).toEqual([data.out_trade_no]);
      expect(h.ledger.records.get(data.out_trade_no)).toMatchObject({ state: "paid", superseded: false });
    });
  }

  it("a cancel and an authorize at once, while QFPay takes the payment as the close arrives: captured, never cancelled", async () => {
    const data = await openOrder(h, 500);
    h.sandbox.control.hooks.arm({ endpoint: "close", id: data.out_trade_no, action: "pay", when: "before" });
    const [cancel, authorize] = await Promise.allSettled([
      h.runtime.payments.cancel(data.session_id, data),
      h.runtime.payments.refreshCurrent(data.session_id, data, true),
    ]);
    expect(cancel).toMatchObject({ status: "rejected", reason: expect.objectContaining({ code: "already_paid" }) });
    expect(authorize).toMatchObject({ status: "fulfilled", value: expect.objectContaining({ state: "paid" }) });
    expect(h.ledger.records.get(data.out_trade_no)?.confirmed_at).not.toBeNull();
  });

  it("a stale session.data cannot make the plugin open a code next to a newer one: the ledger says which attempt is current", async () => {
    const data = await openOrder(h, 500);
    const second = await h.runtime.payments.replace(data.session_id, data, {}, true);
    h.sandbox.control.pay(second.out_trade_no);
    // Medusa hands over the first attempt's data (a view that is behind): the refresh still looks at attempt 2.
    const error = await h.runtime.payments.replace(data.session_id, data, {}, true).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/already paid/);
    expect(
      sandboxPayments(data.session_id)
        .map((entry) => entry.state)
        .sort(),
    ).toEqual(["closed", "succeeded"]);
  });

  it("records a payment notification only once QFPay's query confirms it, and refuses one that contradicts the record", async () => {
    const data = await openOrder(h, 700);
    h.sandbox.control.pay(data.out_trade_no);
    const notification = await notificationOf(data.out_trade_no);
    expect(await h.runtime.payments.notification(data.session_id, { ...notification, syssn: "29990101000000000000000000" })).toMatchObject({
      kind: "mismatch",
    });
    // QFPay's query does not confirm it yet: the claim is on record, the money is not.
    h.sandbox.control.faults.set({ forceRespcd: { respcd: "1143", endpoint: "query" } });
    await h.runtime.payments.notification(data.session_id, notification);
    const claimed = h.ledger.records.get(data.out_trade_no)!;
    expect(claimed).toMatchObject({ state: "pending", confirmed_at: null });
    expect(claimed.notified_at).not.toBeNull();
    expect(claimed.next_check_at!.getTime()).toBeLessThanOrEqual(Date.now());
    // Once QFPay's query says paid (here the duplicate notification asks at once), the money is on record.
    h.sandbox.control.faults.clear();
    expect(await h.runtime.payments.notification(data.session_id, notification)).toMatchObject({ kind: "complete" });
    expect(h.ledger.records.get(data.out_trade_no)).toMatchObject({ state: "paid", confirmed_at: expect.any(Date) });
  });

  it("a refund notification that arrives before the refund's answer is on record, not refused", async () => {
    const data = await openOrder(h, 800);
    h.sandbox.control.pay(data.out_trade_no);
    const paid = await h.runtime.payments.refreshCurrent(data.session_id, data, true);
    h.sandbox.control.faults.set({ forceRespcd: { respcd: "1143", endpoint: "refund" } });
    const pending = await h.runtime.payments.refund(paid.session_id, paid, 300).catch((error: Error) => error);
    expect(String(pending)).toMatch(/still processing/);
    const refundNumber = `${paid.session_id}|r1|1`;
    expect(h.ledger.records.get(refundNumber)).toMatchObject({ kind: "refund", state: "requested", amount: 300 });
    // While QFPay processes it, no second refund is sent.
    expect(String(await h.runtime.payments.refund(paid.session_id, paid, 100).catch((error: Error) => error))).toMatch(/still processing refund/);
    h.sandbox.control.pay(refundNumber);
    const notification = await notificationOf(refundNumber);
    expect(await h.runtime.payments.notification(paid.session_id, notification)).toMatchObject({ kind: "recorded" });
    await h.runtime.payments.observeFollowUp(h.ledger.records.get(refundNumber)!, undefined, "succeeded");
    expect(h.ledger.records.get(refundNumber)).toMatchObject({ state: "succeeded", resolution: null });
    // Medusa's refund of the same amount adopts it instead of refunding again.
    const adopted = await h.runtime.payments.refund(paid.session_id, paid, 300);
    expect(adopted.refunds).toEqual([expect.objectContaining({ out_trade_no: refundNumber, status: "succeeded", amount: 300 })]);
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn)).toHaveLength(1);
    expect(h.ledger.records.get(refundNumber)?.resolution).toBe("recorded");
  });
});

describe("money given back never pays for an order", () => {
  it("a payment refunded in full before any order took it (Medusa's failed cart completion) cannot authorize a cart", async () => {
    const data = await openOrder(h, 640);
    h.sandbox.control.pay(data.out_trade_no);
    const paid = await h.runtime.payments.refreshCurrent(data.session_id, data);
    await h.runtime.payments.refund(data.session_id, paid, 640);
    expect(h.ledger.records.get(data.out_trade_no)).toMatchObject({ resolution: "refunded", resolution_note: "refunded in full through Medusa" });
    await expect(h.runtime.payments.authorize(data.session_id, paid)).rejects.toMatchObject({ code: "given_back" });
  });

  it("a partial refund leaves the payment free to be its order's", async () => {
    const data = await openOrder(h, 650);
    h.sandbox.control.pay(data.out_trade_no);
    const paid = await h.runtime.payments.refreshCurrent(data.session_id, data);
    await h.runtime.payments.refund(data.session_id, paid, 100);
    expect(h.ledger.records.get(data.out_trade_no)?.resolution).toBeNull();
    expect((await h.runtime.payments.authorize(data.session_id, paid)).state).toBe("paid");
  });
});
