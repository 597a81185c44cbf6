import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { AdminApiError, qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { placePaidOrder } from "../support/checkout.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info, sandbox } = stack;

describe("refunds through Medusa's admin API", () => {
  it("refunds part, then the rest, and the sandbox's ledger matches to the cent", async () => {
    const { order } = await placePaidOrder(info, { currency: "hkd", payType: "800201", items: 3 });
    const payment = qfpayPayment(await stack.admin.order(order.id));
    const total = payment.amount;
    const first = Math.round(total * 37) / 100; // 37 %, cut to cents

    await stack.admin.refundPayment(payment.id, first);
    await stack.admin.refundPayment(payment.id, Math.round((total - first) * 100) / 100);

    const refunded = qfpayPayment(await stack.admin.order(order.id));
    expect(sumAmounts(refunded.refunds)).toBeCloseTo(total, 10);

    const syssn = String(payment.data.syssn);
    const entries = await sandbox.entriesFor(syssn);
    const refunds = entries.filter((e) => e.kind === "refund" && e.state === "succeeded");
    const ascending = (a: number, b: number) => a - b;
    expect(refunds.map((r) => r.txamt).sort(ascending)).toEqual(
      [toMinorUnits(first, "HKD"), toMinorUnits(total, "HKD") - toMinorUnits(first, "HKD")].sort(ascending),
    );
    const paid = entries.find((e) => e.kind === "payment")!;
    expect(paid.refunded).toBe(toMinorUnits(total, "HKD"));
    expect(new Set(refunds.map((r) => r.outTradeNo)).size).toBe(2);

    // Nothing is left to refund: Medusa refuses, and the ledger gains nothing.
    await expect(stack.admin.refundPayment(payment.id, 1)).rejects.toBeInstanceOf(AdminApiError);
    expect((await sandbox.entriesFor(syssn)).filter((e) => e.kind === "refund")).toHaveLength(2);
  });
});
