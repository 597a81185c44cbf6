import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import type { WechatOauthCredentials } from "@qfpay-medusa/shared/server";
import { baseUrlOf } from "../../../../qfpay";
import { qfpayProviderAmong, type QfpayProviderRuntime } from "../../../../pay-types/qfpay-provider-runtime";

/** The QFPay provider a WeChat sign-in is for: the one named, else the only one configured. */
export function qfpayProviderFor(scope: MedusaContainer, providerId: unknown): QfpayProviderRuntime {
  const provider = qfpayProviderAmong(scope, [typeof providerId === "string" && providerId !== "" ? providerId : "pp_qfpay_qfpay"]);
  if (!provider) throw new MedusaError(MedusaError.Types.INVALID_DATA, "provider_id must name this store's QFPay provider");
  return provider;
}

export function oauthCredentialsOf(provider: QfpayProviderRuntime): WechatOauthCredentials {
  const { options } = provider;
  return { appCode: options.appCode, clientKey: options.clientKey, baseUrl: baseUrlOf(options), mchid: options.mchid, signType: options.signType };
}
