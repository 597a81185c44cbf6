import { QfpayProviderService } from "../providers/qfpay/service";
import { parseQfpayOptions, type ResolvedQfpayOptions } from "../providers/qfpay/options";

/** A QFPay provider as the store's medusa-config declares it. */
export interface ConfiguredQfpayProvider {
  /** The payment module's provider id, `pp_qfpay_<id>`. */
  providerId: string;
  /** The `id` given in medusa-config. */
  id: string;
  options: ResolvedQfpayOptions;
}

interface ProviderEntry {
  resolve?: unknown;
  id?: unknown;
  options?: unknown;
}

const PROVIDER_ID_PREFIX = `pp_${QfpayProviderService.identifier}_`;

/**
 * The QFPay providers in the payment module's configuration. The routes and the subscriber use them to talk to
 * QFPay with the same options the provider was registered with (the payment module does not expose its providers).
 */
export function configuredQfpayProviders(configModule: unknown): ConfiguredQfpayProvider[] {
  const modules = (configModule as { modules?: unknown } | undefined)?.modules;
  const declarations = Array.isArray(modules) ? modules : Object.values((modules ?? {}) as Record<string, unknown>);
  const found: ConfiguredQfpayProvider[] = [];
  for (const declaration of declarations) {
    const providers = (declaration as { options?: { providers?: unknown } } | null)?.options?.providers;
    if (!Array.isArray(providers)) continue;
    for (const entry of providers as ProviderEntry[]) {
      if (!isQfpayResolve(entry?.resolve) || typeof entry.id !== "string") continue;
      found.push({ providerId: PROVIDER_ID_PREFIX + entry.id, id: entry.id, options: parseQfpayOptions(entry.options) });
    }
  }
  return found;
}

/** Whether a payment session or payment belongs to a QFPay provider. */
export function isQfpayProviderId(providerId: string | null | undefined): boolean {
  return typeof providerId === "string" && providerId.startsWith(PROVIDER_ID_PREFIX);
}

/** `@qfpay-medusa/plugin/providers/qfpay`, a path to it, or the provider module object itself. */
function isQfpayResolve(resolve: unknown): boolean {
  if (typeof resolve === "string") return /(^|[\\/])providers[\\/]qfpay([\\/]index(\.[cm]?[jt]s)?)?[\\/]?$/.test(resolve);
  const services = (resolve as { services?: unknown[] } | null)?.services;
  return Array.isArray(services) && services.some((service) => service === QfpayProviderService);
}
