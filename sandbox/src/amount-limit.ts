import { findCurrency } from "@qfpay-medusa/shared";

/** QFPay declines single transactions above about 10,000 USD with 1297 ("bank busy"). */
export const AMOUNT_LIMIT_USD = 10_000;

/**
 * Units of each currency per US dollar: rough rates, enough to place the limit where QFPay puts it.
 * A currency missing here has no limit in the sandbox.
 */
const UNITS_PER_USD: Readonly<Record<string, number>> = {
  USD: 1,
  AED: 3.67,
  CNY: 7.2,
  EUR: 0.92,
  HKD: 7.8,
  IDR: 16_000,
  JPY: 150,
  MMK: 2_100,
  MYR: 4.5,
  SGD: 1.35,
  THB: 35,
};

export function exceedsAmountLimit(txamt: number, txcurrcd: string): boolean {
  const rate = UNITS_PER_USD[txcurrcd];
  const currency = findCurrency(txcurrcd);
  if (rate === undefined || currency === undefined) return false;
  const major = txamt / 10 ** currency.exponent;
  return major / rate > AMOUNT_LIMIT_USD;
}
