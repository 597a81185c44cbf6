import { findPayType } from "@qfpay-medusa/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_CODE, CLIENT_KEY, countingQfpayApi, newSessionId, startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";
import { parseQfpayOptions } from "./options";
import { QfpayOperationError } from "./qfpay-operation-error";
import { QfpayOrders } from "./qfpay-orders";

let h: ProviderHarness;
let orders: QfpayOrders;

beforeEach(async () => {
  h = await startProviderHarness();
  orders = new QfpayOrders(
    countingQfpayApi(h.sandbox.url).api,
    parseQfpayOptions({ appCode: APP_CODE, clientKey: CLIENT_KEY, baseUrl: h.sandbox.url, outTradeNoPrefix: "SHOP1", goodsNameTemplate: "Order {reference}" }),
  );
});
afterEach(() => h.close());

describe("QfpayOrders", () => {
  it("never deducts more than the frozen amount from a pre-authorization", async () => {
    const frozen = await orders.open({ sessionId: newSessionId(), attempt: 1, amount: 5000, currency: "hkd", payType: findPayType("801808")! });
    h.sandbox.control.pay(frozen.out_trade_no);
    const current = await orders.refresh(frozen);
    const error = await orders.capture(current, 5001).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QfpayOperationError);
    expect((error as QfpayOperationError).code).toBe("invalid_request");
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "deduct" && entry.origSyssn === frozen.syssn)).toHaveLength(0);
    const partial = await orders.capture(current, 3000);
    expect(partial.capture).toMatchObject({ amount: 3000 });
  });

  it("puts the store's prefix in every number and fills the goods name", async () => {
    const sessionId = newSessionId();
    const data = await orders.open({ sessionId, attempt: 1, amount: 1200, currency: "sgd", payType: findPayType("802301")! });
    expect(data.out_trade_no).toBe(`SHOP1|${sessionId}|p|1`);
    expect(h.sandbox.ledger().find((entry) => entry.outTradeNo === data.out_trade_no)?.goodsName).toBe(`Order ${sessionId}`);
  });
});
