import { QfpayProviderService } from "./service";

/** Provider ids of this plugin in the payment module: `pp_qfpay_<id>`. */
const PROVIDER_ID_PREFIX = `pp_${QfpayProviderService.identifier}_`;

/** Whether a payment session or payment belongs to a QFPay provider. */
export function isQfpayProviderId(providerId: string | null | undefined): boolean {
  return typeof providerId === "string" && providerId.startsWith(PROVIDER_ID_PREFIX);
}
