import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWechatOpenid, QfpayGatewayError, wechatOauthCodeUrl } from "@qfpay-medusa/shared/server";
import { MERCHANT, PLAIN_MERCHANT, startTestSandbox } from "../test-support.js";
import type { Sandbox } from "../types.js";
import { sandboxOpenid } from "./wechat-oauth.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const credentials = () => ({ appCode: PLAIN_MERCHANT.appCode, clientKey: PLAIN_MERCHANT.clientKey, baseUrl: sandbox.url });

/** Follows the sign-in URL as the shopper's browser would, up to the redirect back; answers the code. */
async function signIn(url: string): Promise<{ status: number; location: URL | undefined; text: string }> {
  const response = await fetch(url, { redirect: "manual" });
  const location = response.headers.get("location");
  return { status: response.status, location: location ? new URL(location) : undefined, text: await response.text() };
}

describe("WeChat JSAPI sign-in (/tool/v1)", () => {
  it("sends the browser back to redirect_uri with a code that gives the openid once", async () => {
    const back = "https://shop.example/pay?qfpay_oauth=state-1";
    const answer = await signIn(wechatOauthCodeUrl(credentials(), back));
    expect(answer.status).toBe(302);
    expect(answer.location!.origin + answer.location!.pathname).toBe("https://shop.example/pay");
    expect(answer.location!.searchParams.get("qfpay_oauth")).toBe("state-1");
    const code = answer.location!.searchParams.get("code")!;
    expect(code).toMatch(/^[0-9a-f]{32}$/);

    expect(await fetchWechatOpenid(credentials(), code)).toBe(sandboxOpenid(PLAIN_MERCHANT.appCode));
    const again = await fetchWechatOpenid(credentials(), code).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(QfpayGatewayError);
    expect((again as QfpayGatewayError).respcd).toBe("1104");
  });

  it("signs mchid too, and refuses a wrong signature or another merchant's code", async () => {
    const withMchid = { appCode: MERCHANT.appCode, clientKey: MERCHANT.clientKey, baseUrl: sandbox.url, mchid: MERCHANT.mchid };
    const answer = await signIn(wechatOauthCodeUrl(withMchid, "https://shop.example/pay"));
    expect(answer.status).toBe(302);
    const code = answer.location!.searchParams.get("code")!;
    await expect(fetchWechatOpenid(credentials(), code)).rejects.toThrow(/1104/);

    const forged = new URL(wechatOauthCodeUrl(credentials(), "https://shop.example/pay"));
    forged.searchParams.set("redirect_uri", "https://evil.example/");
    const refused = await signIn(forged.toString());
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/sign does not match/);
  });
});
