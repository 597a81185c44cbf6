import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createPayment, startTestSandbox, txdtm, uniqueNo } from "../test-support.js";
import type { Sandbox } from "../types.js";

let now = new Date("2026-05-01T02:00:00Z");
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now });
});
afterAll(() => sandbox.close());

const MINUTE = 60_000;
const entryOf = (syssn: string) => sandbox.ledger().find((entry) => entry.syssn === syssn);
const deduct = (syssn: string, txamt: string, outTradeNo = uniqueNo("D")) =>
  call(sandbox, "/trade/v1/authtrade", { syssn, out_trade_no: outTradeNo, txamt, txdtm: txdtm() });
const unfreeze = (syssn: string) => call(sandbox, "/trade/v1/reversal", { syssn, txdtm: txdtm() });

/** An Alipay pre-auth MPM (801808) that the payer has "scanned": the amount is frozen. */
async function frozen(txamt = "5000") {
  const created = await createPayment(sandbox, { pay_type: "801808", txamt, txcurrcd: "USD" });
  expect(created.result.body.qrcode).toBe(`${sandbox.url}/wallet/qr/${created.syssn}`);
  sandbox.control.pay(created.syssn);
  return created;
}

describe("Alipay pre-authorization", () => {
  it("paying a freeze freezes the amount: state frozen, query shows a successful payment record", async () => {
    const { syssn } = await frozen();
    expect(entryOf(syssn)).toMatchObject({ state: "frozen", respcd: "0000", preauth: true });
    const record = (await call(sandbox, "/trade/v1/query", { syssn })).body.data as Array<Record<string, string>>;
    expect(record[0]).toMatchObject({ order_type: "payment", respcd: "0000", cancel: "0", pay_type: "801808" });
  });

  it("deducts once, never above the frozen amount: 1266 above, 1260 the second time", async () => {
    const { syssn } = await frozen("5000");
    expect((await deduct(syssn, "5001")).body.respcd).toBe("1266");
    const first = await deduct(syssn, "3000");
    expect(first.body).toMatchObject({ respcd: "0000", orig_syssn: syssn, txamt: "3000" });
    expect(entryOf(String(first.body.syssn))).toMatchObject({ kind: "deduct", state: "succeeded", origSyssn: syssn });
    expect(entryOf(syssn)).toMatchObject({ deductSyssn: first.body.syssn, cancel: "4" });
    expect((await deduct(syssn, "1000")).body.respcd).toBe("1260");
    expect((await unfreeze(syssn)).body.respcd).toBe("1260");
  });

  it("a deduct is refunded through its own syssn; the freeze itself cannot be refunded", async () => {
    const { syssn } = await frozen("5000");
    const deducted = await deduct(syssn, "2000");
    const refundOf = (target: string, txamt: string) =>
      call(sandbox, "/trade/v1/refund", { syssn: target, out_trade_no: uniqueNo("R"), txamt, txdtm: txdtm() });
    expect((await refundOf(syssn, "100")).body.respcd).toBe("1136");
    expect((await refundOf(String(deducted.body.syssn), "2001")).body.respcd).toBe("1272");
    expect((await refundOf(String(deducted.body.syssn), "2000")).body.respcd).toBe("0000");
  });

  it("unfreezes through reversal (without txamt); afterwards no deduct (1263) and no second unfreeze", async () => {
    const { syssn } = await frozen();
    const result = await unfreeze(syssn);
    expect(result.body).toMatchObject({ respcd: "0000", orig_syssn: syssn });
    expect(entryOf(String(result.body.syssn))).toMatchObject({ kind: "unfreeze" });
    expect(entryOf(syssn)).toMatchObject({ cancel: "2" });
    expect((await deduct(syssn, "1")).body.respcd).toBe("1263");
    expect((await unfreeze(syssn)).body.respcd).toBe("1263");
    const records = (await call(sandbox, "/trade/v1/query", { out_trade_no: entryOf(syssn)!.outTradeNo })).body.data as Array<Record<string, string>>;
    expect(records.map((record) => record.order_type)).toEqual(["unfreeze", "payment"]);
  });

  it("refuses /close on a pre-auth (1136): unfreezing goes through reversal", async () => {
    const { syssn } = await frozen();
    expect((await call(sandbox, "/trade/v1/close", { syssn, txamt: "5000", txdtm: txdtm() })).body.respcd).toBe("1136");
  });

  it("a freeze request is valid 15 minutes, whatever expired_time says", async () => {
    const { syssn } = await createPayment(sandbox, { pay_type: "801808", txcurrcd: "USD" });
    expect((await deduct(syssn, "1")).body.respcd).toBe("1261");
    now = new Date(now.getTime() + 14 * MINUTE);
    expect(entryOf(syssn)?.state).toBe("pending");
    now = new Date(now.getTime() + MINUTE);
    expect(entryOf(syssn)).toMatchObject({ state: "expired", respcd: "1181" });
    expect((await deduct(syssn, "1")).body.respcd).toBe("1181");
    expect((await createPayment(sandbox, { pay_type: "801808", expired_time: "30" })).result.body.respcd).toBe("1104");
  });

  it("refuses authtrade on an ordinary payment (1136) and on an unknown syssn (1268)", async () => {
    const { syssn } = await createPayment(sandbox, { pay_type: "800208", auth_code: `28${Date.now()}` });
    expect((await deduct(syssn, "1")).body.respcd).toBe("1136");
    expect((await deduct("20000101000200000000000003", "1")).body.respcd).toBe("1268");
  });

  it("a CPM freeze (801801) is frozen at once", async () => {
    const { result, syssn } = await createPayment(sandbox, { pay_type: "801801", auth_code: `28${Date.now()}`, txcurrcd: "USD" });
    expect(result.body.respcd).toBe("0000");
    expect(entryOf(syssn)?.state).toBe("frozen");
  });
});
