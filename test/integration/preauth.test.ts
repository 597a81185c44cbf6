import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { placePaidOrder } from "../support/checkout.js";
import { useStackContext } from "../support/test-context.js";

const ALIPAY_PREAUTH_QR = "801808";

const stack = useStackContext();
const { info, sandbox } = stack;

describe("Alipay pre-authorization", () => {
  it("freezes at checkout, captures through the admin API, then refunds", async () => {
    const { order, cart } = await placePaidOrder(info, { currency: "hkd", payType: ALIPAY_PREAUTH_QR });
    const minor = toMinorUnits(cart.total, "HKD");

    const authorized = qfpayPayment(await stack.admin.order(order.id));
    expect(authorized.captured_at).toBeNull();
    expect(sumAmounts(authorized.captures)).toBe(0);
    const freeze = (await sandbox.ledger()).find((e) => e.syssn === authorized.data.syssn)!;
    expect(freeze).toMatchObject({ preauth: true, state: "frozen", txamt: minor });

    await stack.admin.capturePayment(authorized.id);
    const captured = qfpayPayment(await stack.admin.order(order.id));
    expect(sumAmounts(captured.captures)).toBe(cart.total);
    const deduct = (await sandbox.ledger()).find((e) => e.kind === "deduct" && e.origSyssn === freeze.syssn)!;
    expect(deduct).toMatchObject({ state: "succeeded", txamt: minor });

    await stack.admin.refundPayment(captured.id, cart.total);
    const refunds = (await sandbox.ledger()).filter((e) => e.kind === "refund" && e.origSyssn === deduct.syssn);
    expect(refunds.map((r) => r.txamt)).toEqual([minor]);
    expect(sumAmounts(qfpayPayment(await stack.admin.order(order.id)).refunds)).toBe(cart.total);
  });
});
