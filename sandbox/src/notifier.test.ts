import { afterEach, describe, expect, it } from "vitest";
import { verify } from "@qfpay-medusa/shared/server";
import { RETRY_INTERVALS_MS } from "./notifier.js";
import { call, createPayment, MERCHANT, paidPayment, startReceiver, startTestSandbox, txdtm, uniqueNo, type Receiver } from "./test-support.js";
import type { Sandbox } from "./types.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function setUp(answers?: Array<{ status: number; body: string }>, notifyTimeScale = 0.0001): Promise<{ sandbox: Sandbox; receiver: Receiver }> {
  const receiver = await startReceiver(answers);
  const sandbox = await startTestSandbox({ notifyTimeScale });
  sandbox.setNotifyUrl(MERCHANT.appCode, receiver.url);
  cleanup.push(
    () => sandbox.close(),
    () => receiver.close(),
  );
  return { sandbox, receiver };
}

const until = async (condition: () => boolean, timeoutMs = 3_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("notifications", () => {
  it("POSTs the documented JSON for a payment, signed MD5(body + key), once answered SUCCESS", async () => {
    const { sandbox, receiver } = await setUp();
    const { syssn, outTradeNo } = await paidPayment(sandbox, { txamt: "1500", goods_name: "茶叶" });
    const [notification] = await receiver.waitFor(1);
    expect(verify(notification!.body, notification!.signature, MERCHANT.clientKey)).toBe(true);
    expect(notification!.body).toContain('"goods_name": "\\u8336\\u53f6"');
    const body = JSON.parse(notification!.body) as Record<string, string>;
    expect(Object.keys(body)).toEqual([
      "status",
      "pay_type",
      "sysdtm",
      "paydtm",
      "goods_name",
      "txcurrcd",
      "txdtm",
      "mchid",
      "txamt",
      "exchange_rate",
      "chnlsn2",
      "out_trade_no",
      "syssn",
      "cash_fee_type",
      "cancel",
      "respcd",
      "goods_info",
      "cash_fee",
      "notify_type",
      "chnlsn",
      "cardcd",
    ]);
    expect(body).toMatchObject({ status: "1", notify_type: "payment", syssn, out_trade_no: outTradeNo, txamt: "1500", respcd: "0000", mchid: MERCHANT.mchid });
    await until(() => sandbox.control.notifications().some((attempt) => attempt.acknowledged));
    expect(sandbox.control.notifications()).toHaveLength(1);
  });

  it("notifies a refund with notify_type refund and orig_syssn", async () => {
    const { sandbox, receiver } = await setUp();
    const { syssn } = await paidPayment(sandbox);
    await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "10", txdtm: txdtm() });
    const notifications = await receiver.waitFor(2);
    const refund = notifications.map((n) => JSON.parse(n.body) as Record<string, string>).find((b) => b.notify_type === "refund");
    expect(refund).toMatchObject({ orig_syssn: syssn, txamt: "10" });
  });

  it("does not notify an order that is merely created, closed or failed", async () => {
    const { sandbox, receiver } = await setUp();
    const a = await createPayment(sandbox);
    const b = await createPayment(sandbox);
    sandbox.control.fail(b.syssn);
    await call(sandbox, "/trade/v1/close", { syssn: a.syssn, txamt: "1000", txdtm: txdtm() });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);
  });

  it("retries on the scaled schedule until HTTP 200 with body SUCCESS, then stops", async () => {
    const answers = [
      { status: 500, body: "oops" },
      { status: 200, body: "OK" },
      { status: 404, body: "SUCCESS" },
      { status: 200, body: "SUCCESS" },
    ];
    const scale = 0.0002; // 2 min → 24 ms, 10 min → 120 ms
    const { sandbox, receiver } = await setUp(answers, scale);
    await paidPayment(sandbox);
    const received = await receiver.waitFor(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(4);
    const attempts = sandbox.control.notifications();
    expect(attempts.map((a) => [a.attempt, a.status, a.acknowledged])).toEqual([
      [1, 500, false],
      [2, 200, false],
      [3, 404, false],
      [4, 200, true],
    ]);
    const gaps = received.slice(1).map((n, i) => n.at - received[i]!.at);
    RETRY_INTERVALS_MS.slice(0, 3).forEach((interval, i) => expect(gaps[i]).toBeGreaterThanOrEqual(interval * scale - 5));
  });

  it("gives up after the first attempt and seven retries", async () => {
    const { sandbox, receiver } = await setUp([{ status: 503, body: "" }], 0.000002);
    await paidPayment(sandbox);
    await receiver.waitFor(8);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(8);
    expect(sandbox.control.notifications().at(-1)).toMatchObject({ attempt: 8, acknowledged: false });
  });

  it("logs attempts to an unreachable URL and keeps retrying; a URL set later receives the retry", async () => {
    const receiver = await startReceiver();
    const sandbox = await startTestSandbox({ notifyTimeScale: 0.0001 });
    cleanup.push(
      () => sandbox.close(),
      () => receiver.close(),
    );
    sandbox.setNotifyUrl(MERCHANT.appCode, "http://127.0.0.1:9/unreachable");
    await paidPayment(sandbox);
    await until(() => sandbox.control.notifications().length >= 1);
    expect(sandbox.control.notifications()[0]).toMatchObject({ acknowledged: false, error: expect.any(String) });
    sandbox.setNotifyUrl(MERCHANT.appCode, receiver.url);
    await receiver.waitFor(1);
  });

  it("close() stops pending retries", async () => {
    const { sandbox, receiver } = await setUp([{ status: 500, body: "" }], 0.001); // first retry after 120 ms
    await paidPayment(sandbox);
    await receiver.waitFor(1);
    await sandbox.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(1);
  });
});
