import { createHash, timingSafeEqual } from "node:crypto";

export type SignAlgorithm = "MD5" | "SHA256";

/** A request parameter as it may be handed to `sign`; empty and undefined values are left out. */
export type ParamValue = string | number | bigint | boolean | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

const NODE_HASH: Record<SignAlgorithm, string> = { MD5: "md5", SHA256: "sha256" };

/**
 * The parameters QFPay will see: values as strings, empty/undefined/null dropped.
 * The same set must be used for the signature and for the form body.
 */
export function presentParams(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (text === "") continue;
    out[name] = text;
  }
  return out;
}

/** The string QFPay hashes: `k=v` pairs sorted by name (byte order), joined by `&`, values raw. */
export function signingString(params: Params): string {
  const present = presentParams(params);
  return Object.keys(present)
    .sort(compareBytes)
    .map((name) => `${name}=${present[name]}`)
    .join("&");
}

/** QFPay request signature: hash of the signing string with the client key appended, upper-case hex. */
export function sign(params: Params, key: string, algorithm: SignAlgorithm = "MD5"): string {
  return digest(signingString(params) + key, algorithm);
}

/**
 * Checks QFPay's `X-QF-SIGN` over the raw bytes of a response or notification body:
 * hash(rawBody + key), compared case-insensitively and in constant time.
 */
export function verify(rawBody: string | Uint8Array, signature: string | null | undefined, key: string, algorithm: SignAlgorithm = "MD5"): boolean {
  if (typeof signature !== "string") return false;
  const received = signature.trim().toUpperCase();
  if (!/^[0-9A-F]+$/.test(received)) return false;
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const expected = digest(Buffer.concat([body, Buffer.from(key, "utf8")]), algorithm);
  const a = Buffer.from(received, "ascii");
  const b = Buffer.from(expected, "ascii");
  return a.length === b.length && timingSafeEqual(a, b);
}

function digest(input: string | Buffer, algorithm: SignAlgorithm): string {
  return createHash(NODE_HASH[algorithm]).update(input).digest("hex").toUpperCase();
}

/** Python's `sorted()` on str compares code points; for names (ASCII) that is byte order. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
