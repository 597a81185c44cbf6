import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The `qfpay_oauth` parameter put on the redirect_uri given to QFPay's get_weixin_oauth_code: it proves that the
 * code coming back was asked for by this store, for this page, a few minutes ago. Signed with a key derived from
 * the merchant's client key, which never leaves the server (the state holds no secret, only a MAC).
 */
export const OAUTH_STATE_PARAM = "qfpay_oauth";
const LIFETIME_MS = 10 * 60 * 1000;

function macKey(clientKey: string): Buffer {
  return createHash("sha256").update(`qfpay-medusa/wechat-oauth-state\n${clientKey}`).digest();
}

function mac(clientKey: string, payload: string): string {
  return createHmac("sha256", macKey(clientKey)).update(payload).digest("base64url");
}

/** `<expiry ms>.<nonce>.<mac over expiry, nonce and the page's origin and path>`. */
export function createOauthState(clientKey: string, returnUrl: string, now = Date.now()): string {
  const payload = `${now + LIFETIME_MS}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${mac(clientKey, `${payload}.${pageOf(returnUrl)}`)}`;
}

export class OauthStateError extends Error {
  override readonly name = "OauthStateError";
}

/** Checks a state coming back with WeChat's code; `pageUrl` is the page it came back to. */
export function verifyOauthState(clientKey: string, state: string, pageUrl: string, now = Date.now()): void {
  const [expiry, nonce, signature, extra] = state.split(".");
  if (!expiry || !nonce || !signature || extra !== undefined || !/^\d+$/.test(expiry)) {
    throw new OauthStateError("The WeChat sign-in answer is not one this store asked for");
  }
  const expected = Buffer.from(mac(clientKey, `${expiry}.${nonce}.${pageOf(pageUrl)}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new OauthStateError("The WeChat sign-in answer is not one this store asked for");
  }
  if (Number(expiry) < now) throw new OauthStateError("The WeChat sign-in took too long; start the payment again");
}

/** Origin and path: the query changes on the way back (WeChat adds `code` and `state`). */
function pageOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** The return URL with the state added (replacing an old one). */
export function withOauthState(returnUrl: string, state: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set(OAUTH_STATE_PARAM, state);
  return url.toString();
}
