import type { PaymentSessionDTO } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { completeCartWorkflow } from "@medusajs/medusa/core-flows";
import { isGivenBack } from "../../core/ledger";
import { qfpayModuleOf, qfpayRuntimeOf } from "../../modules/qfpay/runtime-of";
import { isQfpayProviderId } from "../../providers/qfpay/provider-id";

/** What the check reads of the cart the completion hands its hooks (typed `any` by Medusa). */
interface CartSessions {
  payment_collection?: { payment_sessions?: Array<Pick<PaymentSessionDTO, "provider_id" | "data"> | null> | null } | null;
}

/**
 * Medusa completes a cart with a session it authorized earlier without asking the provider again. A QFPay
 * payment given back (refunded because no order could take it) must not pay for this order: completion stops
 * here, before any order exists, under the cart's lock.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (!qfpayModuleOf(container).configured) return;
  const sessions = (cart as CartSessions).payment_collection?.payment_sessions ?? [];
  const { store } = qfpayRuntimeOf(container).payments;
  for (const session of sessions) {
    if (!isQfpayProviderId(session?.provider_id) || typeof session?.data?.out_trade_no !== "string") continue;
    const record = await store.get(session.data.out_trade_no);
    if (record && isGivenBack(record)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The QFPay payment ${record.out_trade_no} of this cart was refunded (${record.resolution_note ?? "no order could take it"}): pay again`,
      );
    }
  }
});
