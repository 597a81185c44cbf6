import type { PayType } from "./pay-types.js";

/**
 * The currency of each merchant region a domestic wallet settles in. A pay type limited to such regions
 * (FPS, PayMe, Octopus: Hong Kong; PayNow: Singapore; ...) takes only their currencies; one that QFPay
 * offers to "overseas" merchants (WeChat Pay, Alipay, UnionPay) takes any currency QFPay lists.
 */
const REGION_CURRENCIES: Readonly<Record<string, string>> = {
  hk: "HKD",
  sg: "SGD",
  th: "THB",
  my: "MYR",
  id: "IDR",
  jp: "JPY",
  ae: "AED",
  cn: "CNY",
};

/** The currencies a pay type takes, upper case; `undefined` means any currency QFPay lists. */
export function payTypeCurrencies(payType: PayType): readonly string[] | undefined {
  if (payType.regions.length === 0 || payType.regions.includes("overseas")) return undefined;
  const currencies = payType.regions.map((region) => REGION_CURRENCIES[region]).filter((code) => code !== undefined);
  return currencies.length ? [...new Set(currencies)] : undefined;
}

/** Whether a cart in `currency` can be paid with the pay type (e.g. FPS takes HKD only, never SGD). */
export function acceptsCurrency(payType: PayType, currency: string): boolean {
  const currencies = payTypeCurrencies(payType);
  return currencies === undefined || currencies.includes(currency.toUpperCase());
}
