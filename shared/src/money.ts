import { currencyExponent } from "./catalogs/currencies.js";
import { AmountError, minorToDecimal } from "./minor-units.js";

export { AmountError, minorToDecimal } from "./minor-units.js";

/**
 * An amount in major units as Medusa hands it over: a decimal string, a number, a bigint,
 * a raw BigNumber `{ value, precision }`, or a BigNumber-like object with a decimal `toString()`.
 */
export type AmountInput = string | number | bigint | { value: string | number; precision?: number } | { toString(): string };

/** `txamt` is Int(11): at most eleven digits. */
export const MAX_TXAMT = 99_999_999_999;

interface Decimal {
  negative: boolean;
  digits: bigint;
  /** value = digits × 10^-scale */
  scale: number;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses a plain or exponent-notation decimal exactly (no floating point). */
function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  const shift = Number(exponent);
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > 400) return undefined;
  return {
    negative: sign === "-",
    digits: BigInt(whole + fraction || "0"),
    scale: fraction.length - shift,
  };
}

function amountText(amount: AmountInput): string {
  if (typeof amount === "string") return amount;
  if (typeof amount === "bigint") return amount.toString();
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw new AmountError(`Amount ${amount} is not a finite number`, String(amount));
    // The shortest round-trip form: 12.345 stays "12.345", never 12.3449999...
    return String(amount);
  }
  if (amount !== null && typeof amount === "object") {
    if ("value" in amount && (typeof amount.value === "string" || typeof amount.value === "number")) {
      return amountText(amount.value);
    }
    const text = amount.toString();
    if (text !== "[object Object]") return text;
  }
  throw new AmountError("Amount is not a decimal string, number, bigint or BigNumber", String(amount));
}

/**
 * Major units → integer minor units of `currency` (QFPay `txamt`), exact, rounding half up:
 * 12.345 HKD → 1235, 1999.5 JPY → 2000. Throws `AmountError` on negative, NaN, non-finite,
 * malformed or too large amounts and `UnknownCurrencyError` on an unlisted currency.
 */
export function toMinorUnits(amount: AmountInput, currency: string): number {
  const exponent = currencyExponent(currency);
  const text = amountText(amount);
  const decimal = parseDecimal(text);
  if (!decimal) throw new AmountError(`Amount "${text}" is not a decimal number`, text);
  if (decimal.negative && decimal.digits !== 0n) throw new AmountError(`Amount "${text}" is negative`, text);

  const shift = exponent - decimal.scale;
  let minor: bigint;
  if (shift >= 0) {
    minor = decimal.digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const quotient = decimal.digits / divisor;
    const remainder = decimal.digits % divisor;
    minor = remainder * 2n >= divisor ? quotient + 1n : quotient;
  }
  if (minor > BigInt(MAX_TXAMT)) {
    throw new AmountError(`Amount "${text}" ${currency.toUpperCase()} exceeds QFPay's txamt limit`, text);
  }
  return Number(minor);
}

/** Integer minor units → the exact major amount as a decimal string: 12345 HKD → "123.45", 500 JPY → "500". */
export function minorUnitsToDecimalString(minor: number | string | bigint, currency: string): string {
  const decimal = minorToDecimal(minor, currencyExponent(currency));
  return decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal;
}

/** Integer minor units → major units as Medusa stores them: 12345 HKD → 123.45. */
export function fromMinorUnits(minor: number | string, currency: string): number {
  return Number(minorUnitsToDecimalString(minor, currency));
}
