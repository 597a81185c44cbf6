import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import type { WechatOauthCredentials } from "@qfpay-medusa/shared/server";
import { baseUrlOf } from "../../../../providers/qfpay/options";
import { qfpayProvidersOf, type QfpayProviderRuntime } from "../../../../pay-types/runtime-stand-in";

/** The QFPay provider a WeChat sign-in is for: the one named, else the only one configured. */
export function qfpayProviderFor(scope: MedusaContainer, providerId: unknown): QfpayProviderRuntime {
  const providers = qfpayProvidersOf(scope);
  const provider =
    typeof providerId === "string" && providerId !== ""
      ? providers.find((candidate) => candidate.providerId === providerId)
      : providers.length === 1
        ? providers[0]
        : undefined;
  if (!provider) throw new MedusaError(MedusaError.Types.INVALID_DATA, "provider_id must name this store's QFPay provider");
  return provider;
}

export function oauthCredentialsOf(provider: QfpayProviderRuntime): WechatOauthCredentials {
  const { options } = provider;
  return { appCode: options.appCode, clientKey: options.clientKey, baseUrl: baseUrlOf(options), mchid: options.mchid, signType: options.signType };
}
