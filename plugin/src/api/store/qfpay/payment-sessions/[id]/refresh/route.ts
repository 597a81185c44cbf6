import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { checkoutStatusServiceOf, loadQfpaySession, paymentSessionsOf } from "../../../../../../lib/request-context";
import { isPaidSessionStatus } from "../../../../../../providers/qfpay/state-mapping";

/**
 * A new code for the same session: the provider closes the old QFPay order and opens a new one (new out_trade_no).
 * Refused once paid.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { session, gateway } = await loadQfpaySession(req.scope, req.params.id!);
  if (isPaidSessionStatus(session.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payment is already paid: no new code can be issued");
  }
  const statusService = checkoutStatusServiceOf(req.scope);
  const updated = await paymentSessionsOf(req.scope).updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: { ...session.data, refresh: true },
  });
  await statusService.forget(session.id);
  const body = await statusService.statusOf(updated, gateway.orders, gateway.options.statusQueryIntervalSeconds);
  res.set("Cache-Control", "no-store").json(body);
}
