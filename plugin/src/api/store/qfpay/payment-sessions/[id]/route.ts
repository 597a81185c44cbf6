import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { checkoutStatusServiceOf, loadQfpaySession } from "../../../../../lib/request-context";

/** The checkout status `<qfpay-checkout>` polls (shared contract: `checkoutStatusSchema`). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { session, gateway } = await loadQfpaySession(req.scope, req.params.id!);
  const body = await checkoutStatusServiceOf(req.scope).statusOf(
    session,
    gateway.orders,
    gateway.options.statusQueryIntervalSeconds,
  );
  res.set("Cache-Control", "no-store").json(body);
}
