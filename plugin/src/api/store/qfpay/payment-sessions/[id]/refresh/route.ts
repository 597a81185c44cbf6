import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { isSessionId, sessionStatus } from "../../../../../../checkout-status/session-status";
import { qfpayModuleOf, qfpayRuntimeOf } from "../../../../../../modules/qfpay/runtime-of";
import { isQfpayProviderId } from "../../../../../../providers/qfpay/provider-id";

/** Refusals of a new code that the storefront shows as they are, with the HTTP status that says what they are. */
const REFUSALS: Readonly<Record<string, number>> = { already_paid: 409, too_soon: 429 };

/**
 * A new code for the same session: the provider closes the old QFPay order and opens a new one (new out_trade_no),
 * under the session's lock. Paid meanwhile (also when the close finds it paid): 409 `already_paid`, the paid
 * order kept and no new code; too soon after the last code: 429.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const id = req.params.id!;
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Payment session ${id} was not found`);
  if (!isSessionId(id)) throw notFound;
  const payments = req.scope.resolve(Modules.PAYMENT);
  const session = await payments
    .retrievePaymentSession(id, { select: ["id", "provider_id", "status", "amount", "currency_code", "data"] })
    .catch(() => undefined);
  if (!session || !isQfpayProviderId(session.provider_id)) throw notFound;
  const runtime = qfpayRuntimeOf(req.scope);
  try {
    await payments.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...session.data, refresh: true },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const status = code ? REFUSALS[code] : undefined;
    if (!status) throw error;
    res.status(status).json({ type: code, message: (error as Error).message });
    return;
  }
  const body = await sessionStatus(runtime.payments, qfpayModuleOf(req.scope).waiters, id);
  if (!body) throw notFound;
  res.set("Cache-Control", "no-store").json(body);
}
