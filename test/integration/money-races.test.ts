import { afterEach, describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import {
  askForNewCode,
  cartReadyToPay,
  checkoutStatus,
  eventually,
  openQfpaySession,
  ordersOf,
  shopperEmail,
  storeApi,
  waitForCheckoutStatus,
} from "../support/checkout.js";
import { payOnWalletPage } from "../support/sandbox-client.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info, sandbox } = stack;

afterEach(async () => {
  await sandbox.clearHooks();
  await sandbox.resumeNotifications();
});

async function sandboxPayments(sessionId: string) {
  return (await sandbox.ledger())
    .filter((entry) => entry.kind === "payment" && entry.outTradeNo.includes(sessionId))
    .sort((a, b) => a.outTradeNo.localeCompare(b.outTradeNo));
}

/** A cart with a QFPay QR session, its first code shown, and the cooldown for a new code passed. */
async function checkoutShowingCode(label: string) {
  const email = shopperEmail(label);
  const cart = await cartReadyToPay(info, { currency: "hkd", email });
  const session = await openQfpaySession(info, cart, "800201");
  const shown = await checkoutStatus(info, session.id);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  return { email, cart, session, shown };
}

describe("a new code asked for while the shopper pays the old one", () => {
  it("notification late: the close finds the order paid, the paid order is kept, no second code, one order", async () => {
    const { email, cart, session } = await checkoutShowingCode("race-late");
    const first = String(session.data.out_trade_no);
    await sandbox.pauseNotifications();
    // QFPay takes the payment at the very moment the close arrives.
    await sandbox.armHook({ endpoint: "close", id: first, action: "pay", when: "before" });

    const refresh = await askForNewCode(info, session.id);
    expect(refresh.status).toBe(409);
    expect(refresh.body).toMatchObject({ type: "already_paid" });
    expect(await sandboxPayments(session.id)).toEqual([expect.objectContaining({ outTradeNo: first, state: "succeeded" })]);
    expect((await checkoutStatus(info, session.id)).status).toBe("succeeded");

    const order = await storeApi(info).complete(cart.id);
    await sandbox.resumeNotifications();
    const acknowledged = await eventually(
      async () => (await sandbox.notifications()).find((n) => n.body.includes(first) && n.acknowledged),
      "the late notification to be acknowledged",
    );
    expect(acknowledged.answer).toBe("SUCCESS");
    const orders = await stack.admin.ordersByEmail(email);
    expect(orders.map((o) => o.id)).toEqual([order.id]);
    expect(sumAmounts(qfpayPayment(orders[0]!).captures)).toBe(cart.total);
  });

  it("notification early: once the order exists, a new code is refused and nothing can be paid twice", async () => {
    const { email, cart, session, shown } = await checkoutShowingCode("race-early");
    await payOnWalletPage(shown.qrcode!);
    const [order] = await ordersOf(stack.admin, email);

    const refresh = await askForNewCode(info, session.id);
    expect(refresh.status).toBe(409);
    expect(refresh.body).toMatchObject({ type: "already_paid" });
    const payments = await sandboxPayments(session.id);
    expect(payments.map((p) => [p.outTradeNo, p.state])).toEqual([[session.data.out_trade_no, "succeeded"]]);
    expect((await checkoutStatus(info, session.id)).qrcode).toBeUndefined();
    expect(sumAmounts(qfpayPayment(order!).captures)).toBe(cart.total);
    // The reconciliation settles the payment as the captured payment of this order, and refunds nothing.
    await stack.admin.reconcile();
    const view = await eventually(async () => {
      const current = await stack.admin.qfpayView(order!.id);
      return current.transactions.some((t) => t.resolution === "order") ? current : undefined;
    }, "the ledger to record the payment as the order's");
    expect(view.transactions.filter((t) => t.kind === "payment").map((t) => [t.out_trade_no, t.resolution])).toEqual([[session.data.out_trade_no, "order"]]);
    expect(view.transactions.filter((t) => t.kind === "refund")).toHaveLength(0);
  });

  it("an unpaid old code is closed before the new one is made; paying the closed code fails at QFPay", async () => {
    const { session, shown } = await checkoutShowingCode("race-closed");
    const refresh = await askForNewCode(info, session.id);
    expect(refresh.status).toBe(200);
    expect(refresh.body.qrcode).not.toBe(shown.qrcode);
    const payments = await sandboxPayments(session.id);
    expect(payments.map((p) => p.state)).toEqual(["closed", "pending"]);
    await expect(payOnWalletPage(shown.qrcode!)).rejects.toThrow();
  });
});

describe("orphaned money", () => {
  it("two paid attempts for one cart: one order, the other refunded in full, shown in the admin", async () => {
    const { email, cart, session } = await checkoutShowingCode("orphan");
    const first = String(session.data.out_trade_no);
    const refresh = await askForNewCode(info, session.id);
    expect(refresh.status).toBe(200);
    // The shopper's wallet approved the first code although it was closed; then they pay the second too.
    const late = await sandbox.payLate(first);
    await payOnWalletPage(String(refresh.body.qrcode));
    const [order] = await ordersOf(stack.admin, email);
    expect(sumAmounts(qfpayPayment(order!).captures)).toBe(cart.total);

    const refund = await eventually(
      async () => {
        const refunds = (await sandbox.ledger()).filter((entry) => entry.kind === "refund" && entry.origSyssn === late.syssn && entry.state === "succeeded");
        return refunds.length ? refunds : undefined;
      },
      "the orphaned payment to be refunded",
      60_000,
    );
    expect(refund.map((r) => r.txamt)).toEqual([toMinorUnits(cart.total, "HKD")]);

    const view = await eventually(async () => {
      const current = await stack.admin.qfpayView(order!.id);
      return current.transactions.some((t) => t.out_trade_no === first && t.resolution === "refunded") ? current : undefined;
    }, "the admin view to show the refunded orphan");
    expect(view.transactions.find((t) => t.out_trade_no === first)).toMatchObject({ superseded: true, state: "paid", resolution: "refunded" });
    expect(view.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["superseded", "orphan_paid", "orphan_refunded"]));
    const orders = await stack.admin.ordersByEmail(email);
    expect(orders).toHaveLength(1);
  });
});

describe("a payment whose notification never arrives", () => {
  it("becomes an order by itself with the tab closed, under the default settings", async () => {
    await sandbox.notificationsEnabled(false);
    try {
      const email = shopperEmail("silent");
      const cart = await cartReadyToPay(info, { currency: "sgd", email });
      const session = await openQfpaySession(info, cart, "800201");
      const status = await checkoutStatus(info, session.id);
      await payOnWalletPage(status.qrcode!);
      // Nobody polls and nobody completes the cart; QFPay sends nothing.
      const [order] = await ordersOf(stack.admin, email, 120_000);
      expect(sumAmounts(qfpayPayment(order!).captures)).toBe(cart.total);
      expect((await sandbox.notifications()).filter((n) => n.body.includes(String(session.data.out_trade_no)))).toHaveLength(0);
      expect((await waitForCheckoutStatus(info, session.id, "succeeded")).status).toBe("succeeded");
    } finally {
      await sandbox.notificationsEnabled(true);
    }
  }, 150_000);
});
