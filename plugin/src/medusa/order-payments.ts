import type { RemoteQueryFunction } from "@medusajs/framework/types";
import { isQfpayProviderId } from "../providers/qfpay/provider-id";

/** An order with its payments, from the query graph. */
export interface OrderPayments {
  id: string;
  display_id: number | null;
  payments: OrderPaymentRow[];
  /** Every payment session of the order's payment collections, paid or not. */
  sessionIds: string[];
}

/**
 * An order's id, display id and payments (of every payment collection), read with Medusa's query
 * (`ContainerRegistrationKeys.QUERY`); undefined when there is no such order.
 */
export async function loadOrderPayments(query: Pick<RemoteQueryFunction, "graph">, orderId: string): Promise<OrderPayments | undefined> {
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.data",
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
    ],
    filters: { id: orderId },
  });
  const order = data[0] as
    | {
        id: string;
        display_id?: number | null;
        payment_collections?: Array<{
          payments?: OrderPaymentRow[] | null;
          payment_sessions?: Array<{ id: string; provider_id: string } | null> | null;
        } | null> | null;
      }
    | undefined;
  if (!order) return undefined;
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    payments: (order.payment_collections ?? []).flatMap((collection) => collection?.payments ?? []),
    sessionIds: (order.payment_collections ?? [])
      .flatMap((collection) => collection?.payment_sessions ?? [])
      .filter((session) => session !== null && isQfpayProviderId(session.provider_id))
      .map((session) => session!.id),
  };
}

/** A payment of an order as Medusa's query graph returns it. */
export interface OrderPaymentRow {
  id: string;
  provider_id: string;
  data?: Record<string, unknown> | null;
}
