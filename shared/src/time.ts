/** QFPay `txzone`: "+0800" style, sign and four digits, at most ±14:00. */
/** `+0800`: sign, hours, minutes. */
export const TXZONE_PATTERN = /^([+-])(\d{2})(\d{2})$/;
/** `YYYY-MM-DD hh:mm:ss`. */
export const TXDTM_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export const DEFAULT_TXZONE = "+0800";

export class TimeFormatError extends Error {
  override readonly name = "TimeFormatError";
}

export function isValidTxzone(txzone: string): boolean {
  const match = TXZONE_PATTERN.exec(txzone);
  if (!match) return false;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  return minutes < 60 && hours * 60 + minutes <= 14 * 60;
}

/** Offset of `txzone` from UTC in minutes (+0800 → 480). */
export function txzoneOffsetMinutes(txzone: string): number {
  const match = TXZONE_PATTERN.exec(txzone);
  if (!match || !isValidTxzone(txzone)) throw new TimeFormatError(`"${txzone}" is not a txzone like +0800`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** `YYYY-MM-DD hh:mm:ss` of `date` as a wall clock in `txzone`. */
export function formatTxdtm(date: Date, txzone: string = DEFAULT_TXZONE): string {
  if (Number.isNaN(date.getTime())) throw new TimeFormatError("Cannot format an invalid Date as txdtm");
  const local = new Date(date.getTime() + txzoneOffsetMinutes(txzone) * 60_000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  );
}

/** The instant a `YYYY-MM-DD hh:mm:ss` wall clock in `txzone` stands for; throws on malformed or impossible dates. */
export function parseTxdtm(text: string, txzone: string = DEFAULT_TXZONE): Date {
  const match = TXDTM_PATTERN.exec(text.trim());
  if (!match) throw new TimeFormatError(`"${text}" is not a txdtm like 2024-01-31 13:45:00`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new TimeFormatError(`"${text}" is not a real date and time`);
  }
  return new Date(wall - txzoneOffsetMinutes(txzone) * 60_000);
}
