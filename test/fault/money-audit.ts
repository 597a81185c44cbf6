import type { LedgerEntry } from "@qfpay-medusa/sandbox";

/** A Medusa order's QFPay payment as the audit reads it. */
export type OrderPayment = { orderId: string; outTradeNo: string; captured: number; refunded: number; currency: string };

export type MoneyAudit = {
  paid: number;
  asOrder: number;
  refundedInFull: number;
  lost: string[];
  double: string[];
  ordersWithoutMoney: string[];
  amountMismatches: string[];
};

/**
 * Reconciles the sandbox's ledger (QFPay, the record of money) with Medusa's orders: every paid QFPay payment
 * must be exactly one of the captured payment of one order (same amount), or refunded in full; every order's
 * payment must be paid at QFPay.
 */
export function auditMoney(ledger: readonly LedgerEntry[], orders: readonly OrderPayment[], toMinor: (amount: number, currency: string) => number): MoneyAudit {
  const audit: MoneyAudit = { paid: 0, asOrder: 0, refundedInFull: 0, lost: [], double: [], ordersWithoutMoney: [], amountMismatches: [] };
  const paidPayments = ledger.filter((entry) => entry.kind === "payment" && entry.state === "succeeded");
  for (const payment of paidPayments) {
    audit.paid++;
    const refunded = ledger
      .filter((entry) => entry.kind === "refund" && entry.origSyssn === payment.syssn && entry.state === "succeeded")
      .reduce((sum, entry) => sum + entry.txamt, 0);
    const inOrders = orders.filter((order) => order.outTradeNo === payment.outTradeNo);
    if (inOrders.length > 1) audit.double.push(`${payment.outTradeNo}: in ${inOrders.length} orders`);
    else if (inOrders.length === 1) {
      const order = inOrders[0]!;
      const medusaRefunded = toMinor(order.refunded, order.currency);
      if (refunded !== medusaRefunded)
        audit.double.push(`${payment.outTradeNo}: order ${order.orderId} and ${refunded} refunded at QFPay (${medusaRefunded} in Medusa)`);
      else if (toMinor(order.captured, order.currency) !== payment.txamt)
        audit.amountMismatches.push(`${payment.outTradeNo}: captured ${order.captured} in Medusa, ${payment.txamt} at QFPay`);
      else audit.asOrder++;
    } else if (refunded === payment.txamt) audit.refundedInFull++;
    else if (refunded > payment.txamt) audit.double.push(`${payment.outTradeNo}: refunded ${refunded} of ${payment.txamt}`);
    else audit.lost.push(`${payment.outTradeNo}: paid ${payment.txamt}, refunded ${refunded}, no order`);
  }
  const paidNumbers = new Set(paidPayments.map((payment) => payment.outTradeNo));
  for (const order of orders) if (!paidNumbers.has(order.outTradeNo)) audit.ordersWithoutMoney.push(`${order.orderId} (${order.outTradeNo})`);
  return audit;
}
