import type { MedusaContainer } from "@medusajs/framework/types";
import { medusaStoreOrders } from "../medusa/store-orders";
import { qfpayModuleOf, qfpayRuntimeOf } from "../modules/qfpay/runtime-of";

/**
 * Makes every paid QFPay order end as its order's captured payment or refunded in full: completes carts whose
 * notification never came, refunds orphans, records refunds QFPay settled. The same sweep runs on demand from
 * `POST /admin/qfpay/reconciliation`.
 */
export default async function qfpayReconciliation(container: MedusaContainer): Promise<void> {
  if (!qfpayModuleOf(container).configured) return;
  await qfpayRuntimeOf(container).reconciler.sweep(medusaStoreOrders(container));
}

export const config = {
  name: "qfpay-reconciliation",
  schedule: { interval: 10_000 },
};
