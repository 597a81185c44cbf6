import type { MedusaContainer } from "@medusajs/framework/types";
import { qfpayModuleOf, qfpayRuntimeOf } from "../modules/qfpay/runtime-of";

/**
 * Asks QFPay about the open transactions in batches, once a second on the instance that holds the merchant's
 * lease (the others skip the beat). Watched sessions are due every couple of seconds, the rest less often.
 */
export default async function qfpayStatusSync(container: MedusaContainer): Promise<void> {
  if (!qfpayModuleOf(container).configured) return;
  await qfpayRuntimeOf(container).sync.tick();
}

export const config = {
  name: "qfpay-status-sync",
  schedule: { interval: 1000 },
};
