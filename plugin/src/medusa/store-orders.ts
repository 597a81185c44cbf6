import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { completeCartWorkflow, processPaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows";
import { minorUnitsToDecimalString } from "@qfpay-medusa/shared";
import { DELETED_SESSION, type SessionStanding, type StoreOrders } from "../core/store-orders";

interface CollectionRow {
  id: string;
  cart?: { id: string; completed_at?: string | null } | null;
  order?: { id: string } | null;
  payment_sessions?: Array<{ id: string; status: string } | null> | null;
  payments?: Array<{ id: string; payment_session_id?: string | null; data?: Record<string, unknown> | null; captured_at?: string | null } | null> | null;
}

/** The reconciliation's view of Medusa, over the payment module, the query graph and Medusa's own workflows. */
export function medusaStoreOrders(container: MedusaContainer): StoreOrders {
  const payments = container.resolve(Modules.PAYMENT);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  async function standing(sessionId: string): Promise<SessionStanding> {
    const session =
      (await payments.retrievePaymentSession(sessionId, { select: ["id", "status", "payment_collection_id"] }).catch((error: unknown) => {
        if ((error as { type?: string }).type === MedusaError.Types.NOT_FOUND) return undefined;
        throw error;
      })) ?? (await paymentOfDeletedSession(sessionId));
    if (!session) return { exists: false };
    const { data } = await query.graph({
      entity: "payment_collection",
      fields: [
        "id",
        "cart.id",
        "cart.completed_at",
        "order.id",
        "payment_sessions.id",
        "payment_sessions.status",
        "payments.id",
        "payments.payment_session_id",
        "payments.data",
      ],
      filters: { id: session.payment_collection_id },
    });
    const collection = data[0] as CollectionRow | undefined;
    const all = (collection?.payments ?? []).filter((payment) => payment !== null);
    const own = all.find((payment) => payment.payment_session_id === sessionId);
    return {
      exists: true,
      status: session.status,
      cartId: collection?.cart?.id ?? null,
      cartCompleted: Boolean(collection?.cart?.completed_at),
      orderId: collection?.order?.id ?? null,
      paymentId: own?.id ?? null,
      paymentOutTradeNo: typeof own?.data?.out_trade_no === "string" ? own.data.out_trade_no : null,
      otherSessionPaid: all.some((payment) => payment.payment_session_id !== sessionId),
    };
  }

  /** A session Medusa deleted (a new one replaced it) whose payment Medusa still has. */
  async function paymentOfDeletedSession(sessionId: string): Promise<{ status: string; payment_collection_id: string } | undefined> {
    const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { payment_session_id: sessionId } });
    const payment = data[0] as { payment_collection_id?: string } | undefined;
    return payment?.payment_collection_id ? { status: DELETED_SESSION, payment_collection_id: payment.payment_collection_id } : undefined;
  }

  return {
    standing,

    async complete(sessionId, action) {
      const session = (await payments.retrievePaymentSession(sessionId, { select: ["id", "amount", "raw_amount"] })) as {
        amount: unknown;
        raw_amount?: unknown;
      };
      await processPaymentWorkflow(container).run({
        input: { action, data: { session_id: sessionId, amount: (session.raw_amount ?? session.amount) as never } },
      });
      // The payment workflow continues when the cart's completion fails: the cart's own workflow says why.
      const after = await standing(sessionId);
      if (after.exists && after.orderId !== null) return;
      if (!after.exists || after.cartId === null || after.paymentId === null) throw new Error("Medusa placed no order for the cart");
      await completeCartWorkflow(container).run({ input: { id: after.cartId } });
    },

    async recordRefund(paymentId, amountMinor, currencyCode, note) {
      const amount = minorUnitsToDecimalString(amountMinor, currencyCode);
      const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id: paymentId } });
      const orderId = (data[0] as { payment_collection?: { order?: { id: string } | null } | null } | undefined)?.payment_collection?.order?.id;
      if (orderId) await refundPaymentWorkflow(container).run({ input: { payment_id: paymentId, amount, note } });
      else await payments.refundPayment({ payment_id: paymentId, amount, note });
    },

    whileCartLocked(cartId, job) {
      // Medusa's cart completion holds the cart's id as its lock key for up to two minutes.
      return container.resolve(Modules.LOCKING).execute(cartId, job, { timeout: 30, expire: 120 });
    },
  };
}
