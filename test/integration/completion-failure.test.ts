import { afterEach, describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { cartReadyToPay, checkoutStatus, eventually, openQfpaySession, shopperEmail, storeApi } from "../support/checkout.js";
import { FAIL_FIRST_COMPLETION } from "../support/global-setup.js";
import { payOnWalletPage } from "../support/sandbox-client.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info, sandbox } = stack;

afterEach(async () => {
  await sandbox.clearFaults();
});

/** A cart whose first completion fails after Medusa took its payment (the demo's fault hook), paid on the wallet page. */
async function paidCartWhoseCompletionFails(label: string) {
  const email = shopperEmail(`${FAIL_FIRST_COMPLETION}-${label}`);
  const cart = await cartReadyToPay(info, { currency: "hkd", email });
  const session = await openQfpaySession(info, cart, "800201");
  const outTradeNo = String(session.data.out_trade_no);
  await payOnWalletPage((await checkoutStatus(info, session.id)).qrcode!);
  const payment = (await sandbox.ledger()).find((entry) => entry.kind === "payment" && entry.outTradeNo === outTradeNo)!;
  expect(payment.state).toBe("succeeded");
  return { email, cart, session, payment };
}

function settledRefunds(ledger: Awaited<ReturnType<typeof sandbox.ledger>>, syssn: string) {
  return ledger.filter((entry) => entry.kind === "refund" && entry.origSyssn === syssn && entry.state === "succeeded");
}

describe("Medusa's cart completion fails after the payment was taken", () => {
  it("the payment is refunded in full, the tab is told, and no order can be placed with it", async () => {
    const { email, cart, session, payment } = await paidCartWhoseCompletionFails("refunded");
    const refunds = await eventually(async () => {
      const found = settledRefunds(await sandbox.ledger(), payment.syssn);
      return found.length ? found : undefined;
    }, "Medusa's compensation to refund the payment");
    expect(refunds.map((refund) => refund.txamt)).toEqual([payment.txamt]);

    const status = await eventually(async () => {
      const now = await checkoutStatus(info, session.id);
      return now.status === "failed" ? now : undefined;
    }, "the tab to be told the payment was given back");
    expect(status.message).toMatch(/refunded in full/);

    await expect(storeApi(info).complete(cart.id)).rejects.toThrow();
    expect(await stack.admin.ordersByEmail(email)).toEqual([]);
    await stack.admin.reconcile();
    expect(settledRefunds(await sandbox.ledger(), payment.syssn)).toHaveLength(1);
  });

  it("QFPay still processing that refund: it is followed to the end, recorded on the Medusa payment, and no order is placed", async () => {
    // Medusa's refund gets "in progress" and fails; the session stays authorized with the payment captured.
    await sandbox.setFaults({ forceRespcd: { respcd: "1143", endpoint: "refund" } });
    const { email, cart, session, payment } = await paidCartWhoseCompletionFails("refund-held");
    const held = await eventually(
      async () => (await sandbox.ledger()).find((entry) => entry.kind === "refund" && entry.origSyssn === payment.syssn),
      "the refund to reach QFPay",
    );
    expect(held.state).toBe("holding");

    // However Medusa goes on (it may put a new session on the cart), the cart's completion must not place an
    // order paid with money that is being given back.
    const outcomes = await Promise.all(
      [0, 1, 2].map(() =>
        storeApi(info)
          .complete(cart.id)
          .then(
            () => "an order was placed",
            (error: Error) => error.message,
          ),
      ),
    );
    expect(outcomes).not.toContain("an order was placed");
    await sandbox.pay(held.outTradeNo);

    const recorded = await eventually(
      async () => {
        await stack.admin.reconcile();
        const refunds = await stack.admin.refundsOfSession(session.id);
        return refunds.length ? refunds : undefined;
      },
      "the settled refund to be recorded on the Medusa payment",
      40_000,
    );
    expect(recorded.map((refund) => toMinorUnits(Number(refund.amount), "HKD"))).toEqual([payment.txamt]);
    expect(settledRefunds(await sandbox.ledger(), payment.syssn)).toHaveLength(1);
    expect(await stack.admin.ordersByEmail(email)).toEqual([]);
    expect((await checkoutStatus(info, session.id)).status).toBe("failed");
  });
});
