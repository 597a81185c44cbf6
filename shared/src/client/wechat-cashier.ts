import type { WechatPayParams } from "../checkout-status.js";

/**
 * QFPay's WeChat cashier page (`GET /q/direct`, "GET WeChat Pay Data" in the reference): it opens WeChat Pay's sheet
 * with a JSAPI order's `pay_params` on QFPay's own domain, which is what merchants on QFPay's official account need
 * (their shop's domain is not in that account's JSAPI payment directory, so `getBrandWCPayRequest` from their page
 * may be refused). The reference names https://o2.qfpay.com; its sample for Thailand uses https://o2-th.qfapi.com.
 */
const CASHIER_HOSTS: Readonly<Record<string, string>> = { th: "https://o2-th.qfapi.com" };
const DEFAULT_CASHIER_HOST = "https://o2.qfpay.com";

export interface WechatCashierOrder {
  payParams: WechatPayParams;
  /** Minor units, as `txamt`. */
  txamt: number;
  /** ISO 4217, e.g. "HKD". */
  currency: string;
  /** The shop's name on the page (mchntnm, up to 128 characters). */
  merchantName: string;
  /** Where the cashier sends the shopper once paid (up to 512 characters). */
  redirectUrl: string;
  goodsName?: string | undefined;
  /** The merchant's QFPay region ("hk", "th", ...), for the cashier's host. */
  region?: string | undefined;
}

export function wechatCashierUrl(order: WechatCashierOrder): string {
  if (!/^https?:\/\//i.test(order.redirectUrl) || order.redirectUrl.length > 512) {
    throw new TypeError("wechatCashierUrl: redirectUrl must be an http(s) URL of at most 512 characters");
  }
  const { appId, timeStamp, nonceStr, package: prepay, signType, paySign } = order.payParams;
  const query = new URLSearchParams({
    mchntnm: order.merchantName.slice(0, 128),
    txamt: String(order.txamt),
    currency: order.currency.toUpperCase(),
    redirect_url: order.redirectUrl,
    package: prepay,
    timeStamp,
    signType,
    paySign,
    appId,
    nonceStr,
    ...(order.goodsName ? { goods_name: order.goodsName.slice(0, 64) } : {}),
  });
  return `${CASHIER_HOSTS[order.region ?? ""] ?? DEFAULT_CASHIER_HOST}/q/direct?${query.toString()}`;
}
