import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addNoteResponseSchema,
  authtradeResponseSchema,
  cancelResponseSchema,
  notificationSchema,
  paymentResponseSchema,
  queryResponseSchema,
  refundResponseSchema,
} from "../schemas/index.js";
import { call, createPayment, MERCHANT, paidPayment, startReceiver, startTestSandbox, txdtm, uniqueNo, type Receiver } from "./test-support.js";
import type { Sandbox } from "./types.js";

/** The sandbox's answers must parse with the schemas the client validates real QFPay answers with. */
let sandbox: Sandbox;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startTestSandbox();
  sandbox.setNotifyUrl(MERCHANT.appCode, receiver.url);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

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
    expectParses(paymentResponseSchema, (await createPayment(sandbox, { pay_type: payType, ...extra })).result.body);
  });

  it("a refused payment", async () => {
    expectParses(paymentResponseSchema, (await createPayment(sandbox, { txamt: "99999999" })).result.body);
  });

  it("query, refund, close, reversal, add_note", async () => {
    const { syssn } = await paidPayment(sandbox);
    expectParses(queryResponseSchema, (await call(sandbox, "/trade/v1/query", { syssn })).body);
    expectParses(refundResponseSchema, (await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() })).body);
    expectParses(addNoteResponseSchema, (await call(sandbox, "/trade/v1/add_note", { mchid: "", code: MERCHANT.appCode, syssn, note: "n" })).body);
    for (const route of ["close", "reversal"]) {
      const open = await createPayment(sandbox);
      expectParses(cancelResponseSchema, (await call(sandbox, `/trade/v1/${route}`, { syssn: open.syssn, txamt: "1000", txdtm: txdtm() })).body);
    }
  });

  it("pre-auth deduct and unfreeze", async () => {
    const deductFrom = await paidPayment(sandbox, { pay_type: "801808" });
    const deduct = await call(sandbox, "/trade/v1/authtrade", { syssn: deductFrom.syssn, out_trade_no: uniqueNo("D"), txamt: "10", txdtm: txdtm() });
    expectParses(authtradeResponseSchema, deduct.body);
    const unfreezeFrom = await paidPayment(sandbox, { pay_type: "801808" });
    expectParses(cancelResponseSchema, (await call(sandbox, "/trade/v1/reversal", { syssn: unfreezeFrom.syssn, txdtm: txdtm() })).body);
  });

  it("notifications", async () => {
    const { syssn } = await paidPayment(sandbox);
    await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: uniqueNo("R"), txamt: "5", txdtm: txdtm() });
    const count = receiver.received.length;
    for (const notification of await receiver.waitFor(Math.max(count, 2))) expectParses(notificationSchema, JSON.parse(notification.body));
  });
});
