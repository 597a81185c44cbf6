import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createPayment, paidPayment, PLAIN_MERCHANT, startTestSandbox, txdtm, uniqueNo } from "../test-support.js";
import type { Sandbox } from "../types.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function refund(syssn: string, txamt: string, outTradeNo = uniqueNo("R")) {
  return call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: outTradeNo, txamt, txdtm: txdtm() });
}
const entryOf = (syssn: string) => sandbox.ledger().find((entry) => entry.syssn === syssn);

describe("refund", () => {
  it("refunds in part with a new syssn and orig_syssn, and shows the payment as partly refunded", async () => {
    const { syssn } = await paidPayment(sandbox, { txamt: "1000" });
    const result = await refund(syssn, "400");
    expect(result.body).toMatchObject({ respcd: "0000", orig_syssn: syssn, txamt: "400", txcurrcd: "HKD" });
    expect(result.body.syssn).not.toBe(syssn);
    expect(entryOf(String(result.body.syssn))).toMatchObject({ kind: "refund", state: "succeeded", origSyssn: syssn });
    expect(entryOf(syssn)).toMatchObject({ refunded: 400, cancel: "5" });
  });

  it("allows repeated refunds up to the paid amount, then 1272 above what is left and 1125 when nothing is left", async () => {
    const { syssn } = await paidPayment(sandbox, { txamt: "1000" });
    expect((await refund(syssn, "600")).body.respcd).toBe("0000");
    const tooMuch = await refund(syssn, "401");
    expect(tooMuch.body.respcd).toBe("1272");
    expect(String(tooMuch.body.respmsg)).toContain("400");
    expect((await refund(syssn, "400")).body.respcd).toBe("0000");
    expect(entryOf(syssn)).toMatchObject({ refunded: 1000, cancel: "3" });
    expect((await refund(syssn, "1")).body.respcd).toBe("1125");
  });

  it("refuses a refund above the payment at once (1272) and records nothing", async () => {
    const { syssn } = await paidPayment(sandbox, { txamt: "500" });
    const before = sandbox.ledger().length;
    expect((await refund(syssn, "501")).body.respcd).toBe("1272");
    expect(sandbox.ledger().length).toBe(before);
  });

  it.each([
    ["an unpaid order", "1261", async () => (await createPayment(sandbox)).syssn],
    [
      "a closed order",
      "1264",
      async () => {
        const { syssn } = await createPayment(sandbox);
        await call(sandbox, "/trade/v1/close", { syssn, txamt: "1000", txdtm: txdtm() });
        return syssn;
      },
    ],
    [
      "a failed payment",
      "1136",
      async () => {
        const { syssn } = await createPayment(sandbox);
        sandbox.control.fail(syssn);
        return syssn;
      },
    ],
    [
      "a refund",
      "1136",
      async () => {
        const { syssn } = await paidPayment(sandbox);
        return String((await refund(syssn, "1")).body.syssn);
      },
    ],
    ["an unknown syssn", "1268", async () => "20000101000200000000000001"],
  ])("refuses to refund %s with %s", async (_name, respcd, prepare) => {
    expect((await refund(await prepare(), "1")).body.respcd).toBe(respcd);
  });

  it("needs a fresh out_trade_no: 2011 for a payment's number, 1102 for another refund's", async () => {
    const { syssn, outTradeNo } = await paidPayment(sandbox);
    expect((await refund(syssn, "1", outTradeNo)).body.respcd).toBe("2011");
    const refundNo = uniqueNo("R");
    expect((await refund(syssn, "1", refundNo)).body.respcd).toBe("0000");
    expect((await refund(syssn, "1", refundNo)).body.respcd).toBe("1102");
  });

  it.each([
    ["txamt", "abc"],
    ["txamt", "0"],
    ["out_trade_no", ""],
    ["txdtm", "now"],
  ])("refuses %s=%s with 1104", async (name, value) => {
    const { syssn } = await paidPayment(sandbox);
    const params = { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm(), [name]: value };
    expect((await call(sandbox, "/trade/v1/refund", params)).body.respcd).toBe("1104");
  });

  it("cannot refund another merchant's payment", async () => {
    const { syssn } = await paidPayment(sandbox);
    const result = await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() }, { merchant: PLAIN_MERCHANT });
    expect(result.body.respcd).toBe("1268");
  });
});
