import { QfpayClient } from "@qfpay-medusa/shared/server";
import { baseUrlOf, type ResolvedQfpayOptions } from "./options";

/** The shared QFPay client configured from validated provider options. */
export function createQfpayClient(options: ResolvedQfpayOptions): QfpayClient {
  return new QfpayClient({
    appCode: options.appCode,
    clientKey: options.clientKey,
    ...(options.mchid ? { mchid: options.mchid } : {}),
    baseUrl: baseUrlOf(options),
    signType: options.signType,
    txzone: options.txzone,
    timeoutMs: options.timeoutMs,
  });
}
