import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { wechatOauthCodeUrl } from "@qfpay-medusa/shared/server";
import { checkReturnUrl, ReturnUrlError } from "../../../../../qfpay";
import { createOauthState, withOauthState } from "../oauth-state";
import { oauthCredentialsOf, qfpayProviderFor } from "../qfpay-provider";

/**
 * `POST /store/qfpay/wechat/oauth` `{ return_url, provider_id? }` → `{ url }`: where to send the shopper (inside
 * WeChat) to get the WeChat code for a JSAPI payment, through QFPay's official account. WeChat comes back to
 * `return_url` with `code` and the signed `qfpay_oauth` state; the page then posts both to `…/wechat/openid`.
 * The store API needs the publishable key header, which a redirect cannot carry, so the way back is the page.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const body = (req.body ?? {}) as { return_url?: unknown; provider_id?: unknown };
  const provider = qfpayProviderFor(req.scope, body.provider_id);
  let returnUrl: string | undefined;
  try {
    returnUrl = checkReturnUrl(body.return_url, provider.options.returnUrlOrigins);
  } catch (error) {
    if (error instanceof ReturnUrlError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message);
    throw error;
  }
  if (returnUrl === undefined) throw new MedusaError(MedusaError.Types.INVALID_DATA, "return_url is required");
  const redirectUri = withOauthState(returnUrl, createOauthState(provider.options.clientKey, returnUrl));
  res.set("Cache-Control", "no-store").json({ url: wechatOauthCodeUrl(oauthCredentialsOf(provider), redirectUri) });
}
