/**
 * Minor units → the amount as a reader of `locale` expects it: (12345, 2, "hkd", "en") → "HK$123.45". `exponent` is
 * the one given with the amount (QFPay's minor unit, which for IDR and MMK is not the browser's). Intl reads the amount as the exact decimal `12345e-2`, never as a float.
 * The currency code is three letters, which Intl accepts even when it does not know the currency.
 */
export function formatAmount(minor: number, exponent: number, currencyCode: string, locale?: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Minor amount ${minor} is not an integer`);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(`${minor}e-${exponent}` as `${number}`);
}
