import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addNoteResponseSchema,
  authtradeResponseSchema,
  cancelResponseSchema,
  notificationSchema,
  paymentResponseSchema,
  queryResponseSchema,
  refundResponseSchema,
} from "@qfpay-medusa/shared";
import { call, createPayment, MERCHANT, paidPayment, txdtm, uniqueNo, useSandboxWithReceiver } from "./test-support.js";

/** The sandbox's answers must parse with the schemas the client validates real QFPay answers with. */
const env = useSandboxWithReceiver();

function expectParses(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}

describe("answers fit the shared response schemas", () => {
  it.each([
    ["800201", {}],
    ["801114", { return_url: "https://shop.example/back" }],
    ["800208", { auth_code: "280438849930815813" }],
    ["800207", { sub_openid: "oUser" }],
    ["800210", {}],
    ["801510", {}],
    ["800107", { openid: "2088802811715388" }],
    ["801808", {}],
  ])("payment %s", async (payType, extra) => {
    expectParses(paymentResponseSchema, (await createPayment(env.sandbox, { pay_type: payType, ...extra })).result.body);
  });

  it("a refused payment", async () => {
    expectParses(paymentResponseSchema, (await createPayment(env.sandbox, { txamt: "99999999" })).result.body);
  });

  it("query, refund, close, reversal, add_note", async () => {
    const { syssn } = await paidPayment(env.sandbox);
    expectParses(queryResponseSchema, (await call(env.sandbox, "/trade/v1/query", { syssn })).body);
    expectParses(refundResponseSchema, (await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() })).body);
    expectParses(addNoteResponseSchema, (await call(env.sandbox, "/trade/v1/add_note", { mchid: "", code: MERCHANT.appCode, syssn, note: "n" })).body);
    for (const route of ["close", "reversal"]) {
      const open = await createPayment(env.sandbox);
      expectParses(cancelResponseSchema, (await call(env.sandbox, `/trade/v1/${route}`, { syssn: open.syssn, txamt: "1000", txdtm: txdtm() })).body);
    }
  });

  it("pre-auth deduct and unfreeze", async () => {
    const deductFrom = await paidPayment(env.sandbox, { pay_type: "801808" });
    const deduct = await call(env.sandbox, "/trade/v1/authtrade", { syssn: deductFrom.syssn, out_trade_no: uniqueNo("D"), txamt: "10", txdtm: txdtm() });
    expectParses(authtradeResponseSchema, deduct.body);
    const unfreezeFrom = await paidPayment(env.sandbox, { pay_type: "801808" });
    expectParses(cancelResponseSchema, (await call(env.sandbox, "/trade/v1/reversal", { syssn: unfreezeFrom.syssn, txdtm: txdtm() })).body);
  });

  it("notifications", async () => {
    const { syssn } = await paidPayment(env.sandbox);
    await call(env.sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "5", txdtm: txdtm() });
    const count = env.receiver.received.length;
    for (const notification of await env.receiver.waitFor(Math.max(count, 2))) expectParses(notificationSchema, JSON.parse(notification.body));
  });
});
