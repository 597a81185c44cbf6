import { findPayType, type PayType } from "@qfpay-medusa/shared";
import type { ResolvedQfpayOptions } from "./options";

export class PayTypeNotOfferedError extends Error {
  override readonly name = "PayTypeNotOfferedError";
  constructor(
    readonly requested: string,
    readonly offered: readonly string[],
  ) {
    super(
      offered.length
        ? `Pay type "${requested}" is not offered by this store; choose one of ${offered.join(", ")}`
        : `Pay type "${requested}" was requested but this store does not let the storefront choose a pay type`,
    );
  }
}

/** The pay types the storefront may pick from (empty when the choice is the server's). */
export function payTypesOfferedToStorefront(payTypes: ResolvedQfpayOptions["payTypes"]): readonly string[] {
  return payTypes.storefrontMayChoose ? (payTypes.allowed ?? []) : [];
}

/**
 * Which pay type a new QFPay order uses: the storefront's choice when the options allow it,
 * else the one configured for the currency, else the default.
 */
export function selectPayType(payTypes: ResolvedQfpayOptions["payTypes"], request: { currency: string; requested?: string | undefined }): PayType {
  const offered = payTypesOfferedToStorefront(payTypes);
  if (request.requested !== undefined && request.requested !== "") {
    if (!offered.includes(request.requested)) throw new PayTypeNotOfferedError(request.requested, offered);
    return findPayType(request.requested)!;
  }
  const configured = payTypes.byCurrency[request.currency.toUpperCase()] ?? payTypes.default;
  return findPayType(configured)!;
}

/** How many minutes a new code stays valid: the option where QFPay accepts `expired_time`, else QFPay's own limits. */
export function codeLifetimeMinutes(payType: PayType, qrExpiryMinutes: number): number {
  if (payType.preauth) return PREAUTH_REQUEST_MINUTES;
  return payType.expiredTime ? qrExpiryMinutes : QFPAY_DEFAULT_EXPIRY_MINUTES;
}

/** "The default expiration time is 30 minutes" (payment endpoint, expired_time). */
const QFPAY_DEFAULT_EXPIRY_MINUTES = 30;
/** "Authorization requests lose their validity after 15min" (Alipay pre-authorization). */
const PREAUTH_REQUEST_MINUTES = 15;
