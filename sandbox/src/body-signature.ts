import { createHash } from "node:crypto";

/** QFPay's signature of what it sends (answers, notifications): MD5 of the body bytes followed by the key, upper-case hex. */
export function bodySignature(body: string | Buffer, key: string): string {
  return createHash("md5")
    .update(typeof body === "string" ? Buffer.from(body, "utf8") : body)
    .update(key, "utf8")
    .digest("hex")
    .toUpperCase();
}
