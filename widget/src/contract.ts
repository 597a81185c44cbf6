/**
 * The status route's contract, as types only: `import type` keeps zod (and everything else in
 * @qfpay-medusa/shared) out of the browser bundle. The runtime lists below mirror the shared ones
 * and are checked against them by the compiler.
 */
import type { CheckoutStatus, CheckoutStatusValue, CheckoutMode } from "@qfpay-medusa/shared";

export type { CheckoutStatus, CheckoutStatusValue, CheckoutMode };

export const FINAL_STATUSES = ["succeeded", "failed", "expired", "canceled"] as const satisfies readonly CheckoutStatusValue[];
export type FinalStatus = (typeof FINAL_STATUSES)[number];

const ALL_STATUSES = ["pending", "processing", ...FINAL_STATUSES] as const satisfies readonly CheckoutStatusValue[];
// Fails to compile if the shared contract gains a status this list does not know.
const everyStatusKnown: Exclude<CheckoutStatusValue, (typeof ALL_STATUSES)[number]> extends never ? true : false = true;
void everyStatusKnown;

export function isFinalStatus(status: CheckoutStatusValue): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

export function isCheckoutStatusValue(value: unknown): value is CheckoutStatusValue {
  return typeof value === "string" && (ALL_STATUSES as readonly string[]).includes(value);
}
