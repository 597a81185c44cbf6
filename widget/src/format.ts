/**
 * Formats an amount given in QFPay's minor unit of the currency (`txamt`, with the server's exponent, which
 * differs from the browser's for some currencies such as IDR and MMK) for the shopper's language.
 * The currency code is three letters (checked with the answer), which Intl accepts even when unknown.
 */
export function formatAmount(amountMinor: number, exponent: number, currencyCode: string, intlLocale: string): string {
  const format = new Intl.NumberFormat(intlLocale, {
    style: "currency",
    currency: currencyCode,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(amountMinor / 10 ** exponent);
}

/** "4:05" for 245 seconds; "1:02:03" past an hour. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
