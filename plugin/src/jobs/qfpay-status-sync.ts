import type { MedusaContainer } from "@medusajs/framework/types";
import { qfpayModuleOf, qfpayRuntimeOf } from "../modules/qfpay/runtime-of";

/**
 * Asks QFPay about the open transactions in batches: one beat a second across all instances (the lease skips
 * the others; the job fires twice as often so a beat is never a whole second late). Watched sessions are due
 * every couple of seconds, the rest less often.
 */
export default async function qfpayStatusSync(container: MedusaContainer): Promise<void> {
  if (!qfpayModuleOf(container).configured) return;
  await qfpayRuntimeOf(container).sync.tick();
}

export const config = {
  name: "qfpay-status-sync",
  schedule: { interval: 500 },
};
