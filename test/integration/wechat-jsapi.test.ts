import { describe, expect, it } from "vitest";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { cartReadyToPay, checkoutStatus, ordersOf, shopperEmail } from "../support/checkout.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info, sandbox } = stack;

/** Creates the cart's QFPay session the way the widget's drop-in does inside WeChat: pay type 800207 and the openid. */
async function jsapiSession(cartId: string, extra: Record<string, unknown>) {
  const headers = { "content-type": "application/json", "x-publishable-api-key": info.publishableKey };
  const collection = await fetch(`${info.medusaUrl}/store/payment-collections`, { method: "POST", headers, body: JSON.stringify({ cart_id: cartId }) });
  const { payment_collection } = (await collection.json()) as { payment_collection: { id: string } };
  return fetch(`${info.medusaUrl}/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    method: "POST",
    headers,
    body: JSON.stringify({ provider_id: "pp_qfpay_qfpay", data: { pay_type: "800207", ...extra } }),
  });
}

describe("WeChat Pay inside WeChat (JSAPI, 800207) through Medusa", () => {
  it("opens the order with the shopper's openid, hands WeChat's payment parameters to the widget, and becomes an order once paid", async () => {
    const email = shopperEmail("jsapi");
    const cart = await cartReadyToPay(info, { currency: "hkd", email });
    const response = await jsapiSession(cart.id, { sub_openid: "oJSAPI_SHOPPER_1" });
    expect(response.status).toBe(200);
    const { payment_collection } = (await response.json()) as { payment_collection: { payment_sessions: { id: string; data: Record<string, unknown> }[] } };
    const session = payment_collection.payment_sessions[0]!;
    const status = await checkoutStatus(info, session.id);
    expect(status).toMatchObject({ mode: "jsapi", pay_type: "800207", status: "pending" });
    expect(status.pay_params).toMatchObject({ appId: expect.any(String), package: expect.stringContaining("prepay_id"), paySign: expect.any(String) });
    expect(status.qrcode).toBeUndefined();

    await sandbox.pay(String(session.data.out_trade_no));
    const [order] = await ordersOf(stack.admin, email);
    expect(sumAmounts(qfpayPayment(order!).captures)).toBe(cart.total);
    expect((await checkoutStatus(info, session.id)).pay_params).toBeUndefined();
  });

  it("refuses 800207 without an openid, saying how to get one", async () => {
    const cart = await cartReadyToPay(info, { currency: "hkd", email: shopperEmail("jsapi-no-openid") });
    const response = await jsapiSession(cart.id, {});
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(/needs the shopper.s openid/);
  });
});
