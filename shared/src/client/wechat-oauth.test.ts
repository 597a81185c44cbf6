import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { QfpayGatewayError, QfpayRequestError } from "./errors.js";
import { fetchWechatOpenid, wechatOauthCodeUrl } from "./wechat-oauth.js";

const KEY = "615ED178BA524459976CE40FAB78000F";
const credentials = { appCode: "5D81D64E602043F7AF51CE0000000000", clientKey: KEY, baseUrl: "sandbox" };
const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex").toUpperCase();

describe("get_weixin_oauth_code URL", () => {
  it("carries app_code, redirect_uri and the signature over both as query parameters", () => {
    const redirectUri = "https://shop.example/checkout?qfpay_oauth=abc.def";
    const url = new URL(wechatOauthCodeUrl(credentials, redirectUri));
    expect(url.origin + url.pathname).toBe("https://openapi-test.qfpay.com/tool/v1/get_weixin_oauth_code");
    expect(url.searchParams.get("app_code")).toBe(credentials.appCode);
    expect(url.searchParams.get("redirect_uri")).toBe(redirectUri);
    expect(url.searchParams.get("sign")).toBe(md5(`app_code=${credentials.appCode}&redirect_uri=${redirectUri}${KEY}`));
    expect(url.searchParams.has("mchid")).toBe(false);
    expect(url.href).not.toContain(KEY);
  });

  it("signs the mchid when there is one, and refuses a redirect that is not http(s)", () => {
    const url = new URL(wechatOauthCodeUrl({ ...credentials, mchid: "ZaMVg12345" }, "https://a.example/"));
    expect(url.searchParams.get("sign")).toBe(md5(`app_code=${credentials.appCode}&mchid=ZaMVg12345&redirect_uri=https://a.example/${KEY}`));
    expect(() => wechatOauthCodeUrl(credentials, "javascript:alert(1)")).toThrow(QfpayRequestError);
  });
});

describe("get_weixin_openid", () => {
  const answering = (body: string, seen: Request[] = []) =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
    }) as typeof fetch;

  it("sends the code with signed headers and reads the openid (respcd may be a bare 0000)", async () => {
    const seen: Request[] = [];
    const body = '{"resperr": "", "respcd": 0000, "respmsg": "", "openid": "oo3Lss8d0hLOuyTuSJMVwLTk68JE"}';
    const openid = await fetchWechatOpenid(credentials, "011QipnO1yMIla1VJdoO1FUrnO1Qipnv", { fetch: answering(body, seen) });
    expect(openid).toBe("oo3Lss8d0hLOuyTuSJMVwLTk68JE");
    const request = seen[0]!;
    expect(request.method).toBe("GET");
    expect(new URL(request.url).pathname).toBe("/tool/v1/get_weixin_openid");
    expect(new URL(request.url).searchParams.get("code")).toBe("011QipnO1yMIla1VJdoO1FUrnO1Qipnv");
    expect(request.headers.get("x-qf-appcode")).toBe(credentials.appCode);
    expect(request.headers.get("x-qf-sign")).toBe(md5(`code=011QipnO1yMIla1VJdoO1FUrnO1Qipnv${KEY}`));
  });

  it("names QFPay's failure code, never the key", async () => {
    const failing = answering('{"respcd": "1104", "resperr": "code invalid", "respmsg": ""}');
    const error = await fetchWechatOpenid(credentials, "used-code", { fetch: failing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QfpayGatewayError);
    expect((error as Error).message).toMatch(/get_weixin_openid failed with 1104/);
    expect((error as Error).message).not.toContain(KEY);
  });

  it("refuses an answer without an openid and a code that is not WeChat's", async () => {
    await expect(fetchWechatOpenid(credentials, "abc", { fetch: answering('{"respcd": "0000"}') })).rejects.toThrow(/no openid/);
    await expect(fetchWechatOpenid(credentials, "a&b=c", { fetch: answering("{}") })).rejects.toThrow(QfpayRequestError);
  });
});
