import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { loadOrderPayments } from "../medusa/order-payments";
import { qfpayModuleOf, qfpayRuntimeOf } from "../modules/qfpay/runtime-of";
import { isQfpayProviderId } from "../providers/qfpay/provider-id";
import { readSessionData } from "../qfpay";

/** After an order is placed, its display id goes onto the QFPay transaction (add_note), so QFPay's portal shows it. */
export default async function qfpayOrderNote({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  if (!qfpayModuleOf(container).configured) return;
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const payments = container.resolve(Modules.PAYMENT);
  const order = await loadOrderPayments(container.resolve(ContainerRegistrationKeys.QUERY), event.data.id);
  if (!order?.display_id) return;
  const { orders } = qfpayRuntimeOf(container);
  for (const payment of order.payments.filter((row) => isQfpayProviderId(row.provider_id))) {
    try {
      const current = readSessionData(payment.data);
      const next = await orders.addNote(current, `Order #${order.display_id}`);
      if (next !== current) await payments.updatePayment({ id: payment.id, data: next as unknown as Record<string, unknown> } as never);
    } catch (error) {
      // The note is a convenience: an order must never fail because of it.
      logger.warn(`QFPay note for order #${order.display_id} (payment ${payment.id}) not added: ${(error as Error).message}`);
    }
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
};
