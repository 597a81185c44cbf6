/** QFPay `out_trade_no`: letters, digits, `_`, `|`, `*`; at most 128 characters. */
export const OUT_TRADE_NO_MAX_LENGTH = 128;
export const OUT_TRADE_NO_PATTERN = /^[A-Za-z0-9_|*]{1,128}$/;

/** Parts may use everything allowed except the separator. */
const PART = /^[A-Za-z0-9_*]+$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const SEPARATOR = "|";

export interface OutTradeNoParts {
  /** Optional merchant prefix, e.g. a store code, to keep several shops apart under one merchant. */
  prefix?: string;
  /** What the number belongs to, e.g. a Medusa payment-session id "payses_01J...". */
  reference: string;
  /** 1, 2, ...: a new number for each attempt, as QFPay never accepts a number twice. */
  attempt: number;
  /** "p" for a payment (default), "r1", "r2", ... for refunds; a letter followed by letters/digits. */
  kind?: "p" | "r" | string;
}

export interface ParsedOutTradeNo {
  prefix?: string;
  reference: string;
  attempt: number;
  kind: string;
}

export class OutTradeNoError extends Error {
  override readonly name = "OutTradeNoError";
}

export function isValidOutTradeNo(no: string): boolean {
  return typeof no === "string" && OUT_TRADE_NO_PATTERN.test(no);
}

/** `[prefix|]reference|kind|attempt`, e.g. "payses_01J9ZK...|p|1"; throws `OutTradeNoError` if it cannot fit. */
export function buildOutTradeNo(parts: OutTradeNoParts): string {
  const kind = parts.kind ?? "p";
  if (parts.prefix !== undefined && !PART.test(parts.prefix)) {
    throw new OutTradeNoError(`out_trade_no prefix "${parts.prefix}" may use only letters, digits, "_" and "*"`);
  }
  if (!PART.test(parts.reference)) {
    throw new OutTradeNoError(`out_trade_no reference "${parts.reference}" may use only letters, digits, "_" and "*"`);
  }
  if (!KIND.test(kind)) throw new OutTradeNoError(`out_trade_no kind "${kind}" must be a letter followed by letters or digits`);
  if (!Number.isSafeInteger(parts.attempt) || parts.attempt < 1) {
    throw new OutTradeNoError(`out_trade_no attempt must be a positive integer, got ${parts.attempt}`);
  }
  const fields = [...(parts.prefix !== undefined ? [parts.prefix] : []), parts.reference, kind, String(parts.attempt)];
  const no = fields.join(SEPARATOR);
  if (no.length > OUT_TRADE_NO_MAX_LENGTH) {
    throw new OutTradeNoError(`out_trade_no would be ${no.length} characters, QFPay allows ${OUT_TRADE_NO_MAX_LENGTH}`);
  }
  return no;
}

/** The parts of a number made by `buildOutTradeNo`, or undefined for any other string. */
export function parseOutTradeNo(no: string): ParsedOutTradeNo | undefined {
  if (!isValidOutTradeNo(no)) return undefined;
  const fields = no.split(SEPARATOR);
  if (fields.length !== 3 && fields.length !== 4) return undefined;
  const [attemptText, kind, reference, prefix] = [...fields].reverse() as [string, string, string, string | undefined];
  if (!/^[1-9]\d*$/.test(attemptText) || !KIND.test(kind) || !PART.test(reference)) return undefined;
  if (prefix !== undefined && !PART.test(prefix)) return undefined;
  const attempt = Number(attemptText);
  if (!Number.isSafeInteger(attempt)) return undefined;
  return { ...(prefix !== undefined ? { prefix } : {}), reference, attempt, kind };
}
