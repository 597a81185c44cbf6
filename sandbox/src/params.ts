import { DEFAULT_TXZONE, findCurrency, isValidOutTradeNo, isValidTxzone, parseTxdtm } from "@qfpay-medusa/shared";
import { QfpayRefusal } from "./errors.js";

export type RequestParams = Readonly<Record<string, string>>;

/** Reads and checks request parameters; anything wrong is QFPay's 1104 "request parameter error". */
export class ParamReader {
  constructor(private readonly params: RequestParams) {}

  optional(name: string, maxLength = 512): string | undefined {
    const value = this.params[name];
    if (value === undefined || value === "") return undefined;
    if (value.length > maxLength) refuse(`${name} is longer than ${maxLength} characters`);
    return value;
  }

  required(name: string, maxLength = 512): string {
    return this.optional(name, maxLength) ?? refuse(`${name} is required`);
  }

  /** A positive integer amount in minor units. */
  amount(name = "txamt"): number {
    const text = this.required(name, 11);
    if (!/^\d+$/.test(text)) refuse(`${name} must be a whole number of minor units, got "${text}"`);
    const value = Number(text);
    if (value <= 0 || !Number.isSafeInteger(value)) refuse(`${name} must be a positive amount, got "${text}"`);
    return value;
  }

  optionalAmount(name = "txamt"): number | undefined {
    return this.optional(name) === undefined ? undefined : this.amount(name);
  }

  currency(name = "txcurrcd"): string {
    const text = this.required(name, 3);
    const currency = findCurrency(text);
    if (!currency || currency.code !== text) refuse(`${name} "${text}" is not a QFPay currency`);
    return currency.code;
  }

  outTradeNo(name = "out_trade_no"): string {
    const text = this.required(name, 128);
    if (!isValidOutTradeNo(text)) refuse(`${name} may use only letters, digits, _ | * (at most 128)`);
    return text;
  }

  txzone(): string {
    const text = this.optional("txzone", 5) ?? DEFAULT_TXZONE;
    if (!isValidTxzone(text)) refuse(`txzone must look like +0800, got "${text}"`);
    return text;
  }

  /** A `YYYY-MM-DD hh:mm:ss` time in `txzone`. */
  dateTime(name: string, txzone: string): string {
    return checkedDateTime(name, this.required(name, 20), txzone);
  }

  optionalDateTime(name: string, txzone: string): string | undefined {
    const text = this.optional(name, 20);
    return text === undefined ? undefined : checkedDateTime(name, text, txzone);
  }

  /** A whole number within [min, max]. */
  integer(name: string, min: number, max: number): number | undefined {
    const text = this.optional(name, 12);
    if (text === undefined) return undefined;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) refuse(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return value;
  }

  /**
   * A comma-separated list, empty parts dropped; each part at most `partMaxLength`. The whole is bounded only by
   * the body size, so a batch of a hundred 128-character numbers fits.
   */
  list(name: string, partMaxLength = 128): string[] | undefined {
    const text = this.optional(name, Number.MAX_SAFE_INTEGER);
    if (text === undefined) return undefined;
    const parts = text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    const tooLong = parts.find((part) => part.length > partMaxLength);
    if (tooLong !== undefined) refuse(`each ${name} is at most ${partMaxLength} characters`);
    return parts.length > 0 ? parts : undefined;
  }
}

function checkedDateTime(name: string, text: string, txzone: string): string {
  try {
    parseTxdtm(text, txzone);
  } catch {
    refuse(`${name} must be a real time like 2024-01-31 13:45:00, got "${text}"`);
  }
  return text;
}

function refuse(reason: string): never {
  throw new QfpayRefusal("1104", reason);
}
