import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { medusaStoreOrders } from "../../../../medusa/store-orders";
import { qfpayRuntimeOf } from "../../../../modules/qfpay/runtime-of";

/** Runs the reconciliation sweep now (the scheduled job runs it every 10 s) and says what it did. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const report = await qfpayRuntimeOf(req.scope).reconciler.sweep(medusaStoreOrders(req.scope));
  res.json(report);
}
