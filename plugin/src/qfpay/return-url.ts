export class ReturnUrlError extends Error {
  override readonly name = "ReturnUrlError";
}

/** Alipay WAP accepts at most 200 characters; QFPay's field is String(512). */
const RETURN_URL_MAX = 200;

/**
 * The storefront's `return_url` for web/WAP pay types, checked: an http(s) URL of at most 200 characters,
 * on one of the configured origins when the store lists them (so the wallet cannot be made to send shoppers elsewhere).
 */
export function checkReturnUrl(value: unknown, allowedOrigins: readonly string[] | undefined): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || !URL.canParse(value)) throw new ReturnUrlError("return_url must be an absolute http(s) URL");
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ReturnUrlError("return_url must be an http(s) URL");
  if (value.length > RETURN_URL_MAX) throw new ReturnUrlError(`return_url must be at most ${RETURN_URL_MAX} characters`);
  if (allowedOrigins && !allowedOrigins.some((origin) => new URL(origin).origin === url.origin)) {
    throw new ReturnUrlError(`return_url must be on one of the store's origins: ${allowedOrigins.join(", ")}`);
  }
  return value;
}
