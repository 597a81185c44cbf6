import { resolveBaseUrl } from "../catalogs/environments.js";
import { presentParams, sign, type SignAlgorithm } from "../signing.js";
import { badResponse, checkSignature, checkStatus, gatewayFailure, readEnvelope } from "./answer.js";
import { WECHAT_TOOL_ENDPOINTS } from "./endpoints.js";
import { QfpayRequestError } from "./errors.js";
import { send } from "./transport.js";

/**
 * WeChat Pay JSAPI for merchants on QFPay's official account ("JSAPI without a Real Name Registered Official
 * Account"): the openid of the shopper inside WeChat, obtained anew for every payment. Server side only: both
 * calls are signed with the client key.
 */
export interface WechatOauthCredentials {
  appCode: string;
  clientKey: string;
  /** Environment id or base URL, as for `QfpayClient`. */
  baseUrl: string;
  mchid?: string | undefined;
  signType?: SignAlgorithm;
}

/**
 * Where to send the shopper's browser (inside WeChat): QFPay's `get_weixin_oauth_code`, with `app_code` and
 * `sign` as query parameters ("instead of in the http header"). WeChat comes back to `redirectUri` with `code`.
 */
export function wechatOauthCodeUrl(credentials: WechatOauthCredentials, redirectUri: string): string {
  if (!/^https?:\/\//i.test(redirectUri) || redirectUri.length > 512) {
    throw new QfpayRequestError("get_weixin_oauth_code", ["redirect_uri: must be an http(s) URL of at most 512 characters"]);
  }
  const params = presentParams({ app_code: credentials.appCode, redirect_uri: redirectUri, mchid: credentials.mchid });
  const signature = sign(params, credentials.clientKey, credentials.signType ?? "MD5");
  const query = new URLSearchParams({ ...params, sign: signature });
  return `${resolveBaseUrl(credentials.baseUrl)}${WECHAT_TOOL_ENDPOINTS.get_weixin_oauth_code.path}?${query.toString()}`;
}

/** Exchanges the one-time `code` WeChat returned for the shopper's openid (`get_weixin_openid`, signed headers). */
export async function fetchWechatOpenid(
  credentials: WechatOauthCredentials,
  code: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<string> {
  const endpoint = WECHAT_TOOL_ENDPOINTS.get_weixin_openid.name;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(code)) throw new QfpayRequestError(endpoint, ["code: must be the code WeChat returned"]);
  const signType = credentials.signType ?? "MD5";
  const params = presentParams({ code, mchid: credentials.mchid });
  const url = `${resolveBaseUrl(credentials.baseUrl)}${WECHAT_TOOL_ENDPOINTS.get_weixin_openid.path}?${new URLSearchParams(params)}`;
  const answer = await send({
    endpoint,
    url,
    init: {
      method: "GET",
      headers: {
        "X-QF-APPCODE": credentials.appCode,
        "X-QF-SIGN": sign(params, credentials.clientKey, signType),
        ...(signType === "SHA256" ? { "X-QF-SIGNTYPE": "SHA256" } : {}),
        Accept: "application/json",
      },
    },
    timeoutMs: options.timeoutMs ?? 5000,
    fetch: options.fetch ?? globalThis.fetch,
  });
  checkStatus(endpoint, answer);
  checkSignature(endpoint, answer, credentials.clientKey, signType);
  const envelope = readEnvelope(endpoint, answer);
  const failure = gatewayFailure(endpoint, envelope);
  if (failure) throw failure;
  const openid = envelope.json.openid;
  if (typeof openid !== "string" || openid === "" || openid.length > 128) throw badResponse(endpoint, "answer has no openid", answer.status);
  return openid;
}
