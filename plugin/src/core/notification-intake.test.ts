import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeStoreOrders } from "../test-support/fake-store-orders";
import { openOrder } from "../test-support/orders";
import { CLIENT_KEY, startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ refreshCooldownSeconds: 0 });
});
afterEach(() => h.close());

const sign = (body: string) =>
  createHash("md5")
    .update(body + CLIENT_KEY)
    .digest("hex")
    .toUpperCase();

/** Medusa as the intake sees it: counts the completions asked for, or fails them. */
function medusa(fails = false) {
  const orders = new FakeStoreOrders({ completeFails: fails });
  return { orders, completed: orders.completed };
}

async function paidNotification() {
  const data = await openOrder(h, 640);
  h.sandbox.control.pay(data.out_trade_no);
  return { data, received: await h.inbox.waitFor(data.out_trade_no) };
}

describe("receiveNotification", () => {
  it("puts a genuine payment notification on record, completes the cart once, and acknowledges a duplicate", async () => {
    const { data, received } = await paidNotification();
    const { orders, completed } = medusa();
    const request = { rawBody: Buffer.from(received.body), headers: { "X-QF-SIGN": received.signature } };
    expect(await h.runtime.receiveNotification(request, orders)).toEqual({ status: 200, body: "SUCCESS" });
    expect(completed).toEqual([data.session_id]);
    expect(h.ledger.records.get(data.out_trade_no)?.notified_at).not.toBeNull();
    expect(await h.runtime.receiveNotification(request, orders)).toEqual({ status: 200, body: "SUCCESS" });
  });

  it("answers 401 to a forged signature, 400 to a signed body that is no notification, and changes nothing", async () => {
    const { data, received } = await paidNotification();
    const { orders, completed } = medusa();
    const forged = received.body.replace(/"txamt": "\d+"/, '"txamt": "1"');
    expect(await h.runtime.receiveNotification({ rawBody: forged, headers: { "x-qf-sign": received.signature } }, orders)).toEqual({
      status: 401,
      body: "FAIL",
    });
    expect(await h.runtime.receiveNotification({ rawBody: "[1,2]", headers: { "x-qf-sign": sign("[1,2]") } }, orders)).toEqual({ status: 400, body: "FAIL" });
    expect(completed).toEqual([]);
    expect(h.ledger.records.get(data.out_trade_no)?.notified_at).toBeNull();
    expect(h.logger.text()).not.toContain(CLIENT_KEY);
  });

  it("answers 409 to a signed notification the ledger contradicts, and 500 when Medusa cannot complete the cart (QFPay sends it again)", async () => {
    const { data, received } = await paidNotification();
    const record = h.ledger.records.get(data.out_trade_no)!;
    h.ledger.records.set(data.out_trade_no, { ...record, syssn: "29990101000000000000000001" });
    expect(await h.runtime.receiveNotification({ rawBody: received.body, headers: { "x-qf-sign": received.signature } }, medusa().orders)).toEqual({
      status: 409,
      body: "FAIL",
    });
    h.ledger.records.set(data.out_trade_no, record);
    expect(await h.runtime.receiveNotification({ rawBody: received.body, headers: { "x-qf-sign": received.signature } }, medusa(true).orders)).toEqual({
      status: 500,
      body: "FAIL",
    });
  });

  it("acknowledges a notification for a number this store did not make, changing nothing", async () => {
    const body = JSON.stringify({
      notify_type: "payment",
      respcd: "0000",
      syssn: "20261201000000000000000001",
      out_trade_no: "OTHERSHOP_42",
      txamt: "100",
      txcurrcd: "HKD",
    });
    const { orders, completed } = medusa();
    expect(await h.runtime.receiveNotification({ rawBody: body, headers: { "x-qf-sign": sign(body) } }, orders)).toEqual({ status: 200, body: "SUCCESS" });
    expect(completed).toEqual([]);
  });
});
