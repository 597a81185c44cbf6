/**
 * The QFPay provider a store route speaks for, with the merchant's validated options from the plugin's runtime.
 * Every `pp_qfpay_<id>` provider is served by the one merchant the plugin is configured with.
 */
import type { MedusaContainer } from "@medusajs/framework/types";
import { qfpayModuleOf, qfpayRuntimeOf } from "../modules/qfpay/runtime-of";
import type { ResolvedQfpayOptions } from "../qfpay";
import { isQfpayProviderId } from "../providers/qfpay/provider-id";

export interface QfpayProviderRuntime {
  /** `pp_qfpay_<id>`. */
  providerId: string;
  options: ResolvedQfpayOptions;
}

/** The QFPay provider among `providerIds` (e.g. a region's), if there is one and the plugin is configured. */
export function qfpayProviderAmong(scope: MedusaContainer, providerIds: readonly string[]): QfpayProviderRuntime | undefined {
  const providerId = providerIds.find(isQfpayProviderId);
  if (!providerId || !qfpayModuleOf(scope).configured) return undefined;
  return { providerId, options: qfpayRuntimeOf(scope).options };
}
