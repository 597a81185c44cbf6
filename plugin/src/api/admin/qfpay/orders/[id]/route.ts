import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { QfpayOrderView } from "../../../../../lib/admin-order-view";
import { loadOrderPayments, qfpayPaymentViews } from "../../../../../lib/order-payments";

/** The QFPay side of an order's payments for the admin widget: wallet, syssn, out_trade_no, status, refunds. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<QfpayOrderView>): Promise<void> {
  const order = await loadOrderPayments(req.scope.resolve(ContainerRegistrationKeys.QUERY), req.params.id!);
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`);
  res.json({ order_id: order.id, display_id: order.display_id, payments: qfpayPaymentViews(order.payments) });
}
