/**
 * Stand-in until `modules/qfpay/runtime-of.ts` (`qfpayRuntimeOf(scope)`) exists: the configured QFPay
 * providers with their validated options, read the way the other store routes read them today.
 * Replace the body with the runtime once it lands; callers need only `providerId` and `options`.
 */
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { configuredQfpayProviders } from "../lib/configured-providers";
import type { ResolvedQfpayOptions } from "../providers/qfpay/options";

export interface QfpayProviderRuntime {
  /** `pp_qfpay_<id>`. */
  providerId: string;
  options: ResolvedQfpayOptions;
}

export function qfpayProvidersOf(scope: MedusaContainer): QfpayProviderRuntime[] {
  const configModule = scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  return configuredQfpayProviders(configModule).map(({ providerId, options }) => ({ providerId, options }));
}
