import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sign } from "@qfpay-medusa/shared/server";
import { json, type Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { formParams, send } from "../http-io.js";
import type { Ledger } from "../ledger.js";
import type { MerchantRegistry } from "../merchants.js";
import { ParamReader } from "../params.js";

/**
 * WeChat JSAPI through QFPay's official account, as the reference describes it: the shopper's browser opens
 * `GET /tool/v1/get_weixin_oauth_code` (app_code and sign in the query) and comes back to `redirect_uri` with a
 * one-time `code`; the merchant's server exchanges it at `GET /tool/v1/get_weixin_openid` (signed headers).
 * The sandbox skips WeChat's own consent page: every code belongs to one sandbox WeChat user per merchant.
 */
export const WECHAT_OAUTH_CODE_PATH = "/tool/v1/get_weixin_oauth_code";

const CODE_LIFETIME_MS = 5 * 60_000;

/** Codes handed out and not yet used, per sandbox (its ledger). */
const codesBySandbox = new WeakMap<Ledger, Map<string, { appCode: string; expiresAt: number }>>();

function codesOf(ledger: Ledger): Map<string, { appCode: string; expiresAt: number }> {
  let codes = codesBySandbox.get(ledger);
  if (!codes) codesBySandbox.set(ledger, (codes = new Map()));
  return codes;
}

/** The sandbox WeChat user's openid at a merchant (WeChat's openids differ per official account). */
export function sandboxOpenid(appCode: string): string {
  return `oSandbox${Buffer.from(appCode).toString("base64url").slice(0, 20)}`;
}

/** Handles the browser's `get_weixin_oauth_code`; false when the request is for another path. */
export function handleWechatOauthCodeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  deps: { merchants: MerchantRegistry; ledger: Ledger; clock: () => Date },
): boolean {
  const url = new URL(request.url ?? "/", "http://sandbox");
  if (url.pathname !== WECHAT_OAUTH_CODE_PATH || request.method !== "GET") return false;
  const { sign: given = "", ...signed } = formParams(request, Buffer.alloc(0));
  const merchant = deps.merchants.find(signed.app_code);
  const redirectUri = signed.redirect_uri ?? "";
  const expected = merchant ? Buffer.from(sign(signed, merchant.clientKey, "MD5")) : undefined;
  const received = Buffer.from(given.toUpperCase());
  if (!merchant || !expected || expected.length !== received.length || !timingSafeEqual(expected, received)) {
    send(response, 400, "QFPay sandbox: app_code unknown or sign does not match app_code, redirect_uri (and mchid)", {
      "content-type": "text/plain; charset=utf-8",
    });
    return true;
  }
  if (!/^https?:\/\//i.test(redirectUri) || redirectUri.length > 512) {
    send(response, 400, "QFPay sandbox: redirect_uri must be an http(s) URL of at most 512 characters", {
      "content-type": "text/plain; charset=utf-8",
    });
    return true;
  }
  const code = randomBytes(16).toString("hex");
  codesOf(deps.ledger).set(code, { appCode: merchant.appCode, expiresAt: deps.clock().getTime() + CODE_LIFETIME_MS });
  const back = new URL(redirectUri);
  back.searchParams.set("code", code);
  send(response, 302, "", { location: back.toString() });
  return true;
}

/** `GET /tool/v1/get_weixin_openid`: the openid for a code, once. */
export const getWeixinOpenid: Endpoint = {
  mchid: "optional",
  appliesForcedRespcd: false,
  handle({ merchant, params, ledger }) {
    const code = new ParamReader(params).required("code", 128);
    const codes = codesOf(ledger);
    const issued = codes.get(code);
    codes.delete(code);
    if (!issued || issued.appCode !== merchant.appCode || issued.expiresAt < ledger.now().getTime()) {
      throw new QfpayRefusal("1104", "code is unknown, used already or expired (each code works once)");
    }
    return json({ respcd: "0000", respmsg: "", resperr: "", openid: sandboxOpenid(merchant.appCode) });
  },
};
