import { describe, expect, it } from "vitest";
import { verify } from "@qfpay-medusa/shared/server";
import { SandboxControlError } from "./errors.js";
import { call, controlCall, createPayment, MERCHANT, paidPayment, txdtm, uniqueNo, useSandboxWithReceiver } from "./test-support.js";

const env = useSandboxWithReceiver({ perTest: true });

describe("refunds made outside the merchant's API", () => {
  it("books a refund numbered by QFPay, shows it in queries and notifies it like a refund through the API", async () => {
    const { sandbox, receiver } = env;
    const { syssn, outTradeNo } = await paidPayment(sandbox, { txamt: "1000" });
    const refund = sandbox.control.refundOutside(outTradeNo, 300);
    expect(refund).toMatchObject({ kind: "refund", state: "succeeded", txamt: 300, origSyssn: syssn, appCode: MERCHANT.appCode, mchid: MERCHANT.mchid });
    expect(refund.outTradeNo).toBe(refund.syssn);
    expect(refund.outTradeNo).not.toBe(outTradeNo);
    expect(sandbox.ledger().find((entry) => entry.syssn === syssn)).toMatchObject({ refunded: 300, cancel: "5" });

    const query = await call(sandbox, "/trade/v1/query", { syssn: `${syssn},${refund.syssn}` });
    expect(query.body.data).toEqual([
      expect.objectContaining({ syssn: refund.syssn, order_type: "refund", origssn: syssn, out_trade_no: refund.syssn, txamt: "300", respcd: "0000" }),
      expect.objectContaining({ syssn, order_type: "payment", cancel: "5" }),
    ]);

    const notifications = await receiver.waitFor(2);
    const notified = notifications.find((notification) => JSON.parse(notification.body).notify_type === "refund")!;
    const body = JSON.parse(notified.body) as Record<string, string>;
    expect(body).toMatchObject({ syssn: refund.syssn, orig_syssn: syssn, out_trade_no: refund.syssn, txamt: "300" });
    expect(verify(notified.body, notified.signature, MERCHANT.clientKey)).toBe(true);
  });

  it("refunds what is left by default, and the merchant's own refund then finds nothing left (1125)", async () => {
    const { sandbox } = env;
    const { syssn } = await paidPayment(sandbox, { txamt: "1000" });
    await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "400", txdtm: txdtm() });
    expect(sandbox.control.refundOutside(syssn).txamt).toBe(600);
    const late = await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() });
    expect(late.body.respcd).toBe("1125");
  });

  it("refuses what QFPay would: unpaid, above what is left, unknown, a bad amount", async () => {
    const { sandbox } = env;
    const unpaid = await createPayment(sandbox);
    const paid = await paidPayment(sandbox, { txamt: "1000" });
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof SandboxControlError ? error.code : "other";
      }
      return "none";
    };
    expect(refusal(() => sandbox.control.refundOutside(unpaid.syssn, 100))).toBe("invalid_state");
    expect(refusal(() => sandbox.control.refundOutside(paid.syssn, 1001))).toBe("invalid_state");
    expect(refusal(() => sandbox.control.refundOutside("nothing", 1))).toBe("not_found");
    expect(refusal(() => sandbox.control.refundOutside(paid.syssn, 1.5))).toBe("bad_request");
    expect(sandbox.ledger().filter((entry) => entry.kind === "refund")).toEqual([]);
  });

  it("POST /__sandbox/refund-outside {id, txamt}", async () => {
    const { sandbox } = env;
    const { syssn } = await paidPayment(sandbox, { txamt: "1000" });
    const answer = await controlCall(sandbox, "POST", "/refund-outside", { id: syssn, txamt: 250 });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ kind: "refund", origSyssn: syssn, txamt: 250 });
    expect((await controlCall(sandbox, "POST", "/refund-outside", { id: syssn, txamt: 5000 })).status).toBe(409);
  });
});
