/** Integer minor units as exact decimals: digit arithmetic, no currency catalog, no floating point. */

export class AmountError extends Error {
  override readonly name = "AmountError";
  constructor(
    message: string,
    readonly amount: string,
  ) {
    super(message);
  }
}

/**
 * Integer minor units with `exponent` digits → the exact major amount with every digit of the minor unit:
 * (12340, 2) → "123.40", (500, 0) → "500". Integer arithmetic on the digits, no floating point.
 */
export function minorToDecimal(minor: number | string | bigint, exponent: number): string {
  const text = String(minor).trim();
  if (!/^-?\d+$/.test(text)) throw new AmountError(`Minor amount "${text}" is not an integer`, text);
  const negative = text.startsWith("-");
  const digits = (negative ? text.slice(1) : text).replace(/^0+(?=\d)/, "");
  const sign = negative && /[1-9]/.test(digits) ? "-" : "";
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}
