import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { CHECKOUT_STATUSES, type CheckoutStatusValue } from "@qfpay-medusa/shared";
import { lockingOf, qfpayModuleOf } from "../modules/qfpay/runtime-of";
import { sessionStatus } from "./session-status";

/**
 * The checkout status `<qfpay-checkout>` polls (shared contract: `checkoutStatusSchema`), answered from the
 * ledger. `?wait=<seconds>&unless=<status>` holds the request (up to 25 s) until the status is no longer `unless`.
 */
export async function getCheckoutStatus(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const id = req.params.id!;
  const unless = CHECKOUT_STATUSES.find((status) => status === req.query.unless) as CheckoutStatusValue | undefined;
  const wait = Number(req.query.wait);
  const closed = new AbortController();
  res.on("close", () => closed.abort());
  const qfpay = qfpayModuleOf(req.scope);
  const body = await sessionStatus(qfpay.runtime(lockingOf(req.scope)).payments, qfpay.waiters, id, {
    waitSeconds: Number.isFinite(wait) ? wait : undefined,
    unless,
    signal: closed.signal,
  });
  if (!body) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment session ${id} was not found`);
  res.set("Cache-Control", "no-store").json(body);
}
