import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { fetchWechatOpenid, QfpayError } from "@qfpay-medusa/shared/server";
import { OauthStateError, verifyOauthState } from "../oauth-state";
import { oauthCredentialsOf, qfpayProviderFor } from "../qfpay-provider";

/**
 * `POST /store/qfpay/wechat/openid` `{ code, state, page_url, provider_id? }` → `{ openid }`: exchanges the
 * one-time WeChat code (QFPay's get_weixin_openid) once the signed state proves this store asked for it. The
 * openid goes straight into the 800207 session (`data.sub_openid`); it is needed anew for every payment.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const body = (req.body ?? {}) as { code?: unknown; state?: unknown; page_url?: unknown; provider_id?: unknown };
  const provider = qfpayProviderFor(req.scope, body.provider_id);
  const { code, state, page_url: pageUrl } = body;
  if (typeof code !== "string" || code === "") throw new MedusaError(MedusaError.Types.INVALID_DATA, "code is required");
  if (typeof state !== "string" || typeof pageUrl !== "string" || !URL.canParse(pageUrl)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "state and page_url are required");
  }
  try {
    verifyOauthState(provider.options.clientKey, state, pageUrl);
  } catch (error) {
    if (error instanceof OauthStateError) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, error.message);
    throw error;
  }
  let openid: string;
  try {
    openid = await fetchWechatOpenid(oauthCredentialsOf(provider), code, { timeoutMs: provider.options.timeoutMs });
  } catch (error) {
    if (error instanceof QfpayError) {
      // The code is single-use and short-lived: the shopper has to start again (the message names no secret).
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `WeChat sign-in could not be completed: ${error.message}`);
    }
    throw error;
  }
  res.set("Cache-Control", "no-store").json({ openid });
}
