import { parseQfpayOptions, type ResolvedQfpayOptions } from "../../providers/qfpay/options";

/**
 * The QFPay merchant options given to the plugin, validated (a bad one stops Medusa at start with the option's
 * name and what is allowed); undefined when the plugin was registered without any.
 */
export function merchantOptionsOf(options: unknown): ResolvedQfpayOptions | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options === "object" && Object.keys(options).length === 0) return undefined;
  return parseQfpayOptions(options);
}
