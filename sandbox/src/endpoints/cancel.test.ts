import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createPayment, paidPayment, startTestSandbox, txdtm } from "../test-support.js";
import type { Sandbox } from "../types.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const entryOf = (syssn: string) => sandbox.ledger().find((entry) => entry.syssn === syssn);
const cancel = (route: "close" | "reversal", params: Record<string, string>) =>
  call(sandbox, `/trade/v1/${route}`, { txamt: "1000", txdtm: txdtm(), ...params });

describe.each(["close", "reversal"] as const)("/trade/v1/%s", (route) => {
  it("cancels an unpaid order by syssn: a new record, the order shows 1142", async () => {
    const { syssn } = await createPayment(sandbox);
    const result = await cancel(route, { syssn });
    expect(result.body).toMatchObject({ respcd: "0000", orig_syssn: syssn, txamt: "1000" });
    expect(result.body.syssn).not.toBe(syssn);
    expect(entryOf(syssn)).toMatchObject({ state: "closed", respcd: "1142", cancel: route === "close" ? "2" : "1" });
    expect(entryOf(String(result.body.syssn))).toMatchObject({ kind: "close", origSyssn: syssn });
    expect(() => sandbox.control.pay(syssn)).toThrow(/closed/);
  });

  it("cancels by out_trade_no and cancels a held (1143) order", async () => {
    const { syssn, outTradeNo } = await createPayment(sandbox);
    sandbox.control.hold(syssn);
    expect((await cancel(route, { out_trade_no: outTradeNo })).body.respcd).toBe("0000");
    expect(entryOf(syssn)?.state).toBe("closed");
  });

  it("refuses: a paid order 1260, a closed one 1142, an expired one 1181, a wrong amount 1266, no id 1104, unknown 1268", async () => {
    const paid = await paidPayment(sandbox);
    expect((await cancel(route, { syssn: paid.syssn })).body.respcd).toBe("1260");
    const closed = await createPayment(sandbox);
    await cancel(route, { syssn: closed.syssn });
    expect((await cancel(route, { syssn: closed.syssn })).body.respcd).toBe("1142");
    const expired = await createPayment(sandbox);
    sandbox.control.expire(expired.syssn);
    expect((await cancel(route, { syssn: expired.syssn })).body.respcd).toBe("1181");
    const open = await createPayment(sandbox);
    expect((await cancel(route, { syssn: open.syssn, txamt: "999" })).body.respcd).toBe("1266");
    expect(entryOf(open.syssn)?.state).toBe("pending");
    expect((await cancel(route, {})).body.respcd).toBe("1104");
    expect((await cancel(route, { syssn: "20000101000200000000000002" })).body.respcd).toBe("1268");
  });

  it("needs txamt for an ordinary order (1104)", async () => {
    const { syssn } = await createPayment(sandbox);
    expect((await cancel(route, { syssn, txamt: "" })).body.respcd).toBe("1104");
  });

  it("refuses when syssn and out_trade_no name different orders (1267)", async () => {
    const a = await createPayment(sandbox);
    const b = await createPayment(sandbox);
    expect((await cancel(route, { syssn: a.syssn, out_trade_no: b.outTradeNo })).body.respcd).toBe("1267");
  });
});
