export interface Currency {
  /** ISO 4217 code, upper case as QFPay's `txcurrcd` expects it. */
  code: string;
  name: string;
  /** Digits of the minor unit: `txamt` = major amount × 10^exponent. */
  exponent: number;
}

type Row = [code: string, name: string, exponent: number];

/**
 * The reference's Currencies table, exponents from ISO 4217. IDR is 0: QFPay's `txamt` carries whole rupiah,
 * as Indonesian wallets do not settle sen.
 */
const ROWS: readonly Row[] = [
  ["AED", "Arab Emirates Dirham", 2],
  ["CNY", "Chinese Yuan", 2],
  ["EUR", "Euro", 2],
  ["HKD", "Hong Kong Dollar", 2],
  ["IDR", "Indonesian Rupiah", 0],
  ["JPY", "Japanese Yen", 0],
  ["MMK", "Myanmar Kyat", 2],
  ["MYR", "Malaysian Ringgit", 2],
  ["SGD", "Singapore Dollar", 2],
  ["THB", "Thai Baht", 2],
  ["USD", "United States Dollar", 2],
];

export const CURRENCIES: readonly Currency[] = Object.freeze(ROWS.map(([code, name, exponent]) => Object.freeze({ code, name, exponent })));

const BY_CODE: ReadonlyMap<string, Currency> = new Map(CURRENCIES.map((currency) => [currency.code, currency]));

export class UnknownCurrencyError extends Error {
  override readonly name = "UnknownCurrencyError";
  constructor(readonly currency: string) {
    super(`Currency "${currency}" is not supported by QFPay (supported: ${CURRENCIES.map((c) => c.code).join(", ")})`);
  }
}

/** Case-insensitive lookup; undefined when QFPay does not list the currency. */
export function findCurrency(code: string): Currency | undefined {
  return BY_CODE.get(String(code).toUpperCase());
}

/** Minor-unit digits of a currency (HKD 2, JPY 0); throws `UnknownCurrencyError` on an unlisted code. */
export function currencyExponent(code: string): number {
  const currency = findCurrency(code);
  if (!currency) throw new UnknownCurrencyError(code);
  return currency.exponent;
}
