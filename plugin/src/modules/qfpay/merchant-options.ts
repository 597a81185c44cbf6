import { parseQfpayOptions, type ResolvedQfpayOptions } from "../../qfpay";

/** What Medusa adds to every module's options; not the merchant's. */
const MEDUSA_MODULE_OPTIONS = ["database"] as const;

/**
 * The QFPay merchant options given to the plugin, validated (a bad one stops Medusa at start with the option's
 * name and what is allowed); undefined when the plugin was registered without any.
 */
export function merchantOptionsOf(options: unknown): ResolvedQfpayOptions | undefined {
  if (options === undefined || options === null || typeof options !== "object") return undefined;
  const merchant = Object.fromEntries(Object.entries(options).filter(([name]) => !(MEDUSA_MODULE_OPTIONS as readonly string[]).includes(name)));
  if (Object.keys(merchant).length === 0) return undefined;
  return parseQfpayOptions(merchant);
}
