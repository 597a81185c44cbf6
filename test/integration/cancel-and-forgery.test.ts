import { describe, expect, it } from "vitest";
import { cartReadyToPay, checkoutStatus, openQfpaySession, placePaidOrder, shopperEmail, eventually } from "../support/checkout.js";
import { payOnWalletPage } from "../support/sandbox-client.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info, sandbox } = stack;

async function ledgerEntry(outTradeNo: unknown) {
  const found = (await sandbox.ledger()).find((e) => e.kind === "payment" && e.outTradeNo === outTradeNo);
  if (!found) throw new Error(`No sandbox payment for ${String(outTradeNo)}`);
  return found;
}

describe("unpaid sessions and forged notifications", () => {
  it("closes the QFPay order at the sandbox when the shopper drops an unpaid session for another wallet", async () => {
    const cart = await cartReadyToPay(info, { currency: "hkd", email: shopperEmail("switch") });
    const first = await openQfpaySession(info, cart, "800201");
    expect((await ledgerEntry(first.data.out_trade_no)).state).toBe("pending");

    // Medusa replaces the collection's sessions: the old one is deleted through the provider.
    const second = await openQfpaySession(info, cart, "801501");
    expect(second.id).not.toBe(first.id);
    const closed = await eventually(async () => {
      const entry = await ledgerEntry(first.data.out_trade_no);
      return entry.state === "closed" ? entry : undefined;
    }, "the first QFPay order to be closed");
    expect(closed.state).toBe("closed");
    expect((await ledgerEntry(second.data.out_trade_no)).state).toBe("pending");
  });

  it("ignores a notification whose signature does not match, and the order stays unpaid", async () => {
    // A genuine notification to copy from.
    const paid = await placePaidOrder(info, { currency: "hkd", payType: "800201" });
    const genuine = await eventually(
      async () => (await sandbox.notifications()).find((n) => n.syssn === paid.session.data.syssn && !n.forged && n.acknowledged),
      "the genuine notification of the paid order",
    );

    const email = shopperEmail("forged");
    const cart = await cartReadyToPay(info, { currency: "hkd", email });
    const session = await openQfpaySession(info, cart, "800201");
    const target = await ledgerEntry(session.data.out_trade_no);

    const body = genuine.body
      .replace(/"out_trade_no":\s*"[^"]*"/, `"out_trade_no": "${target.outTradeNo}"`)
      .replace(/"syssn":\s*"[^"]*"/, `"syssn": "${target.syssn}"`);
    const response = await fetch(`${info.medusaUrl}/hooks/qfpay/notify`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-qf-sign": genuine.signature },
      body,
    });
    expect(response.status).toBeLessThan(500);

    await new Promise((r) => setTimeout(r, 1_000));
    expect((await checkoutStatus(info, session.id)).status).toBe("pending");
    expect(await stack.admin.ordersByEmail(email)).toHaveLength(0);
    expect((await ledgerEntry(session.data.out_trade_no)).state).toBe("pending");
  });

  it("a forged copy sent before the real notification changes nothing: one capture of the real amount", async () => {
    await sandbox.setFaults({ forgeNextNotification: true });
    try {
      const email = shopperEmail("forged-copy");
      const cart = await cartReadyToPay(info, { currency: "hkd", email });
      const session = await openQfpaySession(info, cart, "800201");
      const status = await checkoutStatus(info, session.id);
      await payOnWalletPage(status.qrcode!);

      const [order] = await eventually(async () => {
        const orders = await stack.admin.ordersByEmail(email);
        return orders.length ? orders : undefined;
      }, "the order from the genuine notification");
      const payments = order!.payment_collections.flatMap((c) => c.payments);
      expect(payments).toHaveLength(1);
      expect(payments[0]!.captures?.map((c) => c.amount)).toEqual([cart.total]);
      const attempts = (await sandbox.notifications()).filter((n) => n.syssn === session.data.syssn);
      expect(attempts.some((n) => n.forged)).toBe(true);
      expect(attempts.filter((n) => n.forged).every((n) => !n.acknowledged)).toBe(true);
    } finally {
      await sandbox.clearFaults();
    }
  });
});
