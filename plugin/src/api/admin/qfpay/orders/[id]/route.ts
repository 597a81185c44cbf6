import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { QfpayOrderView } from "../../../../../admin-views/order-view";
import { qfpayEventViews, qfpayPaymentViews, qfpayTransactionViews } from "../../../../../admin-views/build-order-view";
import { loadOrderPayments } from "../../../../../medusa/order-payments";
import { qfpayRuntimeOf } from "../../../../../modules/qfpay/runtime-of";

/**
 * The QFPay side of an order for the admin widget: its payments (wallet, syssn, out_trade_no, status, refunds),
 * every QFPay transaction of its payment sessions on the ledger, and what the reconciliation did.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<QfpayOrderView>): Promise<void> {
  const order = await loadOrderPayments(req.scope.resolve(ContainerRegistrationKeys.QUERY), req.params.id!);
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`);
  const { store } = qfpayRuntimeOf(req.scope).payments;
  const transactions = (await Promise.all(order.sessionIds.map((id) => store.ofSession(id)))).flat();
  res.json({
    order_id: order.id,
    display_id: order.display_id,
    payments: qfpayPaymentViews(order.payments),
    transactions: qfpayTransactionViews(transactions),
    events: qfpayEventViews(await store.eventsOf(order.sessionIds)),
  });
}
