import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { cartReadyToPay, checkoutStatus, eventually, openQfpaySession, shopperEmail, storeApi, waitForCheckoutStatus } from "../support/checkout.js";
import { payOnWalletPage } from "../support/sandbox-client.js";
import { useStackContext } from "../support/test-context.js";

const WECHAT_QR = "800201";

const stack = useStackContext();
const { info, sandbox } = stack;

describe("checkout through Medusa's store API with the QFPay sandbox", () => {
  it("cart → payment session → QR → the wallet pays → cart complete → order with a captured payment of the exact amount", async () => {
    const email = shopperEmail("qr");
    const cart = await cartReadyToPay(info, { currency: "hkd", email, items: 2 });
    const session = await openQfpaySession(info, cart, WECHAT_QR);

    const status = await checkoutStatus(info, session.id);
    expect(status).toMatchObject({ status: "pending", mode: "qr", pay_type: WECHAT_QR, currency_code: "hkd" });
    expect(status.amount).toBe(toMinorUnits(cart.total, "HKD"));
    expect(status.qrcode).toMatch(new RegExp(`^${info.sandboxUrl}/wallet/qr/`));
    expect(JSON.stringify(session.data)).not.toMatch(/client_?key/i);

    await payOnWalletPage(status.qrcode!);
    await waitForCheckoutStatus(info, session.id, "succeeded");

    const order = await storeApi(info).complete(cart.id);
    expect(order.total).toBe(cart.total);

    const placed = await stack.admin.order(order.id);
    const payment = qfpayPayment(placed);
    expect(payment.amount).toBe(cart.total);
    expect(sumAmounts(payment.captures)).toBe(cart.total);
    expect(placed.payment_status).toBe("captured");

    const [entry] = (await sandbox.ledger()).filter((e) => e.kind === "payment" && e.outTradeNo === payment.data.out_trade_no);
    expect(entry).toMatchObject({ state: "succeeded", txamt: toMinorUnits(cart.total, "HKD"), txcurrcd: "HKD" });
  });

  it("creates the order from the notification alone when the shopper never comes back", async () => {
    const email = shopperEmail("gone");
    const cart = await cartReadyToPay(info, { currency: "sgd", email });
    const session = await openQfpaySession(info, cart, WECHAT_QR);
    const status = await checkoutStatus(info, session.id);

    await payOnWalletPage(status.qrcode!);
    // Nobody polls the store route or completes the cart: only QFPay's notification reaches Medusa.
    const [order] = await eventually(async () => {
      const orders = await stack.admin.ordersByEmail(email);
      return orders.length > 0 ? orders : undefined;
    }, "the order created by the notification");
    expect(order!.currency_code).toBe("sgd");
    expect(sumAmounts(qfpayPayment(order!).captures)).toBe(cart.total);
    // The order is made while the notification is being answered; the sandbox records the answer just after.
    const syssn = qfpayPayment(order!).data.syssn;
    const acknowledged = await eventually(async () => {
      const attempts = (await sandbox.notifications()).filter((n) => n.syssn === syssn);
      return attempts.find((n) => n.acknowledged);
    }, "QFPay's notification to be answered SUCCESS");
    expect(acknowledged.answer).toBe("SUCCESS");
  });
});
