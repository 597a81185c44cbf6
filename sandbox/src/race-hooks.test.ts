import { describe, expect, it } from "vitest";
import { SandboxControlError } from "./errors.js";
import { call, controlCall, createPayment, paidPayment, txdtm, uniqueNo, useSandboxWithReceiver } from "./test-support.js";
import type { Sandbox } from "./types.js";

const env = useSandboxWithReceiver({ perTest: true });

const close = (sandbox: Sandbox, params: Record<string, string>) => call(sandbox, "/trade/v1/close", { txamt: "1000", txdtm: txdtm(), ...params });
const stateOf = (sandbox: Sandbox, syssn: string) => sandbox.ledger().find((entry) => entry.syssn === syssn)?.state;
const notifiedTypes = (sandbox: Sandbox) => sandbox.control.notifications().map((attempt) => attempt.notifyType);

describe("before hooks: the action, then the request", () => {
  it("pay before a close: the close answers 1260 and the payment is notified", async () => {
    const { sandbox, receiver } = env;
    const { syssn } = await createPayment(sandbox);
    const hook = sandbox.control.hooks.arm({ endpoint: "close", id: syssn, action: "pay" });
    expect(hook).toMatchObject({ when: "before", action: "pay", id: syssn });
    expect((await close(sandbox, { syssn })).body.respcd).toBe("1260");
    expect(stateOf(sandbox, syssn)).toBe("succeeded");
    const [notification] = await receiver.waitFor(1);
    expect(JSON.parse(notification!.body)).toMatchObject({ notify_type: "payment", syssn });
    expect(sandbox.control.hooks.list()[0]?.fired).toMatchObject({ result: "done", entry: { syssn, state: "succeeded" } });
  });

  it("matches a hook armed by out_trade_no when the request names the syssn (and the other way round), once", async () => {
    const { sandbox } = env;
    const a = await createPayment(sandbox);
    const b = await createPayment(sandbox);
    sandbox.control.hooks.arm({ endpoint: "reversal", id: a.outTradeNo, action: "pay" });
    sandbox.control.hooks.arm({ endpoint: "close", id: b.syssn, action: "pay" });
    expect((await call(sandbox, "/trade/v1/reversal", { syssn: a.syssn, txamt: "1000", txdtm: txdtm() })).body.respcd).toBe("1260");
    expect((await close(sandbox, { out_trade_no: b.outTradeNo })).body.respcd).toBe("1260");
    const c = await createPayment(sandbox, { out_trade_no: uniqueNo("C") });
    sandbox.control.hooks.arm({ endpoint: "close", id: c.syssn, action: "pay" });
    await close(sandbox, { syssn: a.syssn }); // another order: the hook on c stays armed
    expect(sandbox.control.hooks.list()[2]?.fired).toBeUndefined();
    expect((await close(sandbox, { syssn: c.syssn })).body.respcd).toBe("1260");
  });

  it("hold before a query: the query sees 1143 from a held order; fail before a query: the failure code", async () => {
    const { sandbox } = env;
    const held = await createPayment(sandbox);
    const failed = await createPayment(sandbox);
    sandbox.control.hooks.arm({ endpoint: "query", id: held.syssn, action: "hold" });
    sandbox.control.hooks.arm({ endpoint: "query", id: failed.outTradeNo, action: "fail", respcd: "1204" });
    const answer = await call(sandbox, "/trade/v1/query", { syssn: `${held.syssn},${failed.syssn}` });
    const records = answer.body.data as Array<Record<string, string>>;
    expect(records.map((record) => [record.syssn, record.respcd])).toEqual([
      [failed.syssn, "1204"],
      [held.syssn, "1143"],
    ]);
    expect(stateOf(sandbox, held.syssn)).toBe("holding");
  });

  it("pay before a repeated payment request with the same out_trade_no: it is refused 1102 and the first is paid", async () => {
    const { sandbox } = env;
    const first = await createPayment(sandbox);
    sandbox.control.hooks.arm({ endpoint: "payment", id: first.outTradeNo, action: "pay" });
    const again = await createPayment(sandbox, { out_trade_no: first.outTradeNo });
    expect(again.result.body.respcd).toBe("1102");
    expect(stateOf(sandbox, first.syssn)).toBe("succeeded");
  });

  it("a hook whose action cannot be done is marked refused and the request goes on", async () => {
    const { sandbox } = env;
    const { syssn } = await paidPayment(sandbox);
    sandbox.control.hooks.arm({ endpoint: "refund", id: syssn, action: "fail" });
    const refund = await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "100", txdtm: txdtm() });
    expect(refund.body.respcd).toBe("0000");
    expect(sandbox.control.hooks.list()[0]?.fired).toMatchObject({ result: "refused", message: expect.stringContaining("succeeded") });
  });
});

describe("after hooks: the answer, then the action", () => {
  it("pay after a close: the close succeeds, the payer's pay then fails as closed, and nothing is notified", async () => {
    const { sandbox, receiver } = env;
    const { syssn, outTradeNo } = await createPayment(sandbox);
    sandbox.control.hooks.arm({ endpoint: "close", id: outTradeNo, action: "pay", when: "after" });
    expect((await close(sandbox, { syssn })).body.respcd).toBe("0000");
    expect(stateOf(sandbox, syssn)).toBe("closed");
    expect(sandbox.control.hooks.list()[0]?.fired).toMatchObject({ result: "refused", message: expect.stringContaining("closed") });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
    expect(notifiedTypes(sandbox)).toEqual([]);
  });

  it("pay after a payment request: the answer shows the order waiting, the ledger and a notification show it paid", async () => {
    const { sandbox, receiver } = env;
    const outTradeNo = uniqueNo("P");
    sandbox.control.hooks.arm({ endpoint: "payment", id: outTradeNo, action: "pay", when: "after" });
    const { result, syssn } = await createPayment(sandbox, { out_trade_no: outTradeNo });
    expect(result.body.respcd).toBe("0000");
    expect(stateOf(sandbox, syssn)).toBe("succeeded");
    await receiver.waitFor(1);
  });

  it("requests refused with 429 do not fire hooks", async () => {
    const { sandbox } = env;
    const { syssn } = await createPayment(sandbox);
    sandbox.control.faults.set({ rateLimit: { perSecond: 100, perMinute: 1 } }); // the payment request used the minute
    sandbox.control.hooks.arm({ endpoint: "close", id: syssn, action: "pay" });
    expect((await close(sandbox, { syssn })).status).toBe(429);
    expect(stateOf(sandbox, syssn)).toBe("pending");
    sandbox.control.faults.set({ rateLimit: false });
    expect((await close(sandbox, { syssn })).body.respcd).toBe("1260");
  });
});

describe("hooks over HTTP and validation", () => {
  it("POST arms, GET lists, DELETE clears", async () => {
    const { sandbox } = env;
    const { syssn } = await createPayment(sandbox);
    const armed = await controlCall(sandbox, "POST", "/hooks", { endpoint: "close", id: syssn, action: "hold", ms: 60_000 });
    expect(armed.status).toBe(200);
    expect(armed.json).toMatchObject({ hookId: expect.any(Number), endpoint: "close", action: "hold", ms: 60_000, when: "before" });
    expect((await close(sandbox, { syssn })).body.respcd).toBe("0000"); // a held order can still be closed
    expect((await controlCall(sandbox, "GET", "/hooks")).json[0].fired).toMatchObject({ result: "done" });
    expect((await controlCall(sandbox, "DELETE", "/hooks")).status).toBe(200);
    expect((await controlCall(sandbox, "GET", "/hooks")).json).toEqual([]);
  });

  it("refuses hooks it could not run", async () => {
    const { sandbox } = env;
    const bad = [
      { endpoint: "trade_bill", id: "X", action: "pay" },
      { endpoint: "close", id: "", action: "pay" },
      { endpoint: "close", id: "X", action: "explode" },
      { endpoint: "close", id: "X", action: "pay", when: "during" },
      { endpoint: "close", id: "X", action: "fail", respcd: "0000" },
      { endpoint: "close", id: "X", action: "pay", ms: 5 },
    ];
    for (const spec of bad) {
      expect(() => sandbox.control.hooks.arm(spec as never)).toThrow(SandboxControlError);
      expect((await controlCall(sandbox, "POST", "/hooks", spec)).status).toBe(400);
    }
    expect(sandbox.control.hooks.list()).toEqual([]);
  });
});
