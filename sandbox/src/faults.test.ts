import { describe, expect, it } from "vitest";
import { verify } from "@qfpay-medusa/shared/server";
import { SandboxControlError } from "./errors.js";
import { call, createPayment, MERCHANT, paidPayment, txdtm, uniqueNo, useSandboxWithReceiver } from "./test-support.js";

const env = useSandboxWithReceiver({ perTest: true });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("network faults", () => {
  it("latencyMs delays every API answer by at least that long", async () => {
    env.sandbox.control.faults.set({ latencyMs: 150 });
    const started = performance.now();
    expect((await createPayment(env.sandbox)).result.body.respcd).toBe("0000");
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("rateLimit enforces 100 requests a second per app code with HTTP 429", async () => {
    env.sandbox.control.faults.set({ rateLimit: true });
    const statuses = await Promise.all(
      Array.from({ length: 130 }, () => call(env.sandbox, "/trade/v1/query", { syssn: "20000101000200000000000009" }).then((r) => r.status)),
    );
    // The exact counting is RateLimiter's test; here: the limit reaches the HTTP layer as 429.
    expect(statuses).toContain(429);
    expect(new Set(statuses)).toEqual(new Set([200, 429]));
    env.sandbox.control.faults.set({ rateLimit: false });
    expect((await call(env.sandbox, "/trade/v1/query", {})).status).toBe(200);
  });

  it("http5xx answers the next n calls with HTTP 503, then serves again", async () => {
    env.sandbox.control.faults.set({ http5xx: 2 });
    expect((await createPayment(env.sandbox)).result.status).toBe(503);
    expect((await createPayment(env.sandbox)).result.status).toBe(503);
    expect((await createPayment(env.sandbox)).result.body.respcd).toBe("0000");
    expect(env.sandbox.ledger()).toHaveLength(1);
  });

  it("dropConnection closes the next n connections without an answer", async () => {
    env.sandbox.control.faults.set({ dropConnection: 1 });
    await expect(createPayment(env.sandbox)).rejects.toThrow();
    expect((await createPayment(env.sandbox)).result.body.respcd).toBe("0000");
    expect(env.sandbox.control.faults.current().dropConnection).toBe(0);
  });
});

describe("forced return codes", () => {
  it("forces the next call of one endpoint only, and only once", async () => {
    env.sandbox.control.faults.set({ forceRespcd: { respcd: "1100", endpoint: "query" } });
    const { syssn } = await createPayment(env.sandbox);
    const forced = await call(env.sandbox, "/trade/v1/query", { syssn });
    expect(forced.body).toMatchObject({ respcd: "1100" });
    expect(verify(forced.bytes, forced.signature, MERCHANT.clientKey)).toBe(true);
    expect((await call(env.sandbox, "/trade/v1/query", { syssn })).body.respcd).toBe("0000");
  });

  it("a forced 1143 on a CPM payment leaves it held until the control API pays it", async () => {
    env.sandbox.control.faults.set({ forceRespcd: { respcd: "1143", endpoint: "payment" } });
    const { result, syssn } = await createPayment(env.sandbox, { pay_type: "800208", auth_code: `28${Date.now()}` });
    expect(result.body.respcd).toBe("1143");
    expect(env.sandbox.ledger()[0]).toMatchObject({ state: "holding", respcd: "1143" });
    env.sandbox.control.pay(syssn);
    expect(env.sandbox.ledger()[0]?.respcd).toBe("0000");
    await env.receiver.waitFor(1);
  });

  it("a forced failure on a payment records a failed payment with that code", async () => {
    env.sandbox.control.faults.set({ forceRespcd: { respcd: "1201" } });
    const { result, syssn } = await createPayment(env.sandbox);
    expect(result.body.respcd).toBe("1201");
    expect(env.sandbox.ledger().find((entry) => entry.syssn === syssn)).toMatchObject({ state: "failed", respcd: "1201" });
  });

  it("a held refund (forced 1145/1143) keeps its amount reserved until it fails or expires", async () => {
    const { syssn } = await paidPayment(env.sandbox, { txamt: "1000" });
    env.sandbox.control.faults.set({ forceRespcd: { respcd: "1145", endpoint: "refund" } });
    const refund = await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1000", txdtm: txdtm() });
    expect(refund.body.respcd).toBe("1145");
    const more = await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() });
    expect(more.body.respcd).toBe("1125");
    env.sandbox.control.fail(String(refund.body.syssn));
    expect(env.sandbox.ledger().find((entry) => entry.syssn === syssn)?.refunded).toBe(0);
    env.sandbox.control.faults.set({ forceRespcd: { respcd: "1143", endpoint: "refund" } });
    const held = await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "400", txdtm: txdtm() });
    env.sandbox.control.expire(String(held.body.syssn));
    const again = await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1000", txdtm: txdtm() });
    expect(again.body.respcd).toBe("0000");
  });

  it("refuses malformed fault settings with a typed error", () => {
    expect(() => env.sandbox.control.faults.set({ forceRespcd: { respcd: "12" } })).toThrow(SandboxControlError);
    expect(() => env.sandbox.control.faults.set({ latencyMs: -1 })).toThrow(SandboxControlError);
    expect(() => env.sandbox.control.faults.set({ nonsense: 1 } as never)).toThrow(/unknown fault/);
    expect(env.sandbox.control.faults.current().latencyMs).toBe(0);
  });
});

describe("notification faults", () => {
  it("duplicateNotifications sends every notification twice", async () => {
    env.sandbox.control.faults.set({ duplicateNotifications: true });
    await paidPayment(env.sandbox);
    const [first, second] = await env.receiver.waitFor(2);
    expect(second!.body).toBe(first!.body);
  });

  it("delayNotificationsMs sends late", async () => {
    env.sandbox.control.faults.set({ delayNotificationsMs: 200 });
    const paidAt = Date.now();
    await paidPayment(env.sandbox);
    await pause(100);
    expect(env.receiver.received).toHaveLength(0);
    const [late] = await env.receiver.waitFor(1);
    expect(late!.at - paidAt).toBeGreaterThanOrEqual(195);
  });

  it("outOfOrder sends a later notification before an earlier one", async () => {
    env.sandbox.control.faults.set({ outOfOrder: true });
    const { syssn } = await paidPayment(env.sandbox);
    await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() });
    const [first, second] = await env.receiver.waitFor(2);
    expect(JSON.parse(first!.body).notify_type).toBe("refund");
    expect(JSON.parse(second!.body).notify_type).toBe("payment");
  });

  it("forgeNextNotification precedes the next genuine notification with a forged one that fails verification", async () => {
    env.sandbox.control.faults.set({ forgeNextNotification: true });
    await paidPayment(env.sandbox, { txamt: "1000" });
    const [forged, genuine] = await env.receiver.waitFor(2);
    expect(verify(forged!.body, forged!.signature, MERCHANT.clientKey)).toBe(false);
    expect(JSON.parse(forged!.body).txamt).toBe("1001");
    expect(verify(genuine!.body, genuine!.signature, MERCHANT.clientKey)).toBe(true);
    expect(env.sandbox.control.faults.current().forgeNextNotification).toBe(false);
    expect(env.sandbox.control.notifications().filter((attempt) => attempt.forged)).toHaveLength(1);
  });

  it("clear() removes every fault", async () => {
    env.sandbox.control.faults.set({ http5xx: 5, duplicateNotifications: true });
    env.sandbox.control.faults.clear();
    expect((await createPayment(env.sandbox)).result.status).toBe(200);
  });
});
