import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { isQfpayProviderId } from "../lib/configured-providers";
import { loadOrderPayments } from "../lib/order-payments";
import { gatewayForProvider } from "../lib/qfpay-gateways";
import { readSessionData } from "../providers/qfpay/session-data";

/** After an order is placed, its display id goes onto the QFPay transaction (add_note), so QFPay's portal shows it. */
export default async function qfpayOrderNote({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as object;
  const payments = container.resolve(Modules.PAYMENT) as unknown as {
    updatePayment(data: { id: string; data: Record<string, unknown> }): Promise<unknown>;
  };
  const order = await loadOrderPayments(query, event.data.id);
  if (!order?.display_id) return;
  for (const payment of order.payments.filter((row) => isQfpayProviderId(row.provider_id))) {
    const gateway = gatewayForProvider(configModule, payment.provider_id);
    if (!gateway) continue;
    try {
      const current = readSessionData(payment.data);
      const next = await gateway.orders.addNote(current, `Order #${order.display_id}`);
      if (next !== current) await payments.updatePayment({ id: payment.id, data: next as unknown as Record<string, unknown> });
    } catch (error) {
      // The note is a convenience: an order must never fail because of it.
      logger.warn(`QFPay note for order #${order.display_id} (payment ${payment.id}) not added: ${(error as Error).message}`);
    }
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
};
