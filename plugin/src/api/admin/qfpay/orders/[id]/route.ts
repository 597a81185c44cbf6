import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { qfpayPaymentViews, type OrderPaymentRow, type QfpayOrderView } from "../../../../../lib/order-payments";

/** The QFPay side of an order's payments for the admin widget: wallet, syssn, out_trade_no, status, refunds. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<QfpayOrderView>): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data"],
    filters: { id: req.params.id! },
  });
  const order = data[0] as
    | { id: string; display_id?: number | null; payment_collections?: Array<{ payments?: OrderPaymentRow[] | null } | null> | null }
    | undefined;
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`);
  const payments = (order.payment_collections ?? []).flatMap((collection) => collection?.payments ?? []);
  res.json({ order_id: order.id, display_id: order.display_id ?? null, payments: qfpayPaymentViews(payments) });
}
