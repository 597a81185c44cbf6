import { afterEach, describe, expect, it, vi } from "vitest";
import { parseQfpayOptions } from "../../../../qfpay";
import { fakeScope } from "../../../../test-support/fake-scope";
import { callRoute } from "../../../../test-support/call-route";
import { POST as startOauth } from "./oauth/route";
import { POST as exchangeCode } from "./openid/route";

const KEY = "615ED178BA524459976CE40FAB78000F";

function scope(returnUrlOrigins?: string[]) {
  const options = parseQfpayOptions({
    appCode: "APPCODE",
    clientKey: KEY,
    baseUrl: "http://127.0.0.1:9/qf",
    ...(returnUrlOrigins ? { returnUrlOrigins } : {}),
  });
  return fakeScope(options);
}

async function call(handler: typeof startOauth, body: unknown, origins?: string[]) {
  return (await callRoute(handler, { body, scope: scope(origins) })).body as { url: string; openid: string };
}

afterEach(() => vi.unstubAllGlobals());

describe("WeChat JSAPI sign-in routes", () => {
  it("start: answers QFPay's signed get_weixin_oauth_code URL, coming back to the page with a signed state", async () => {
    const { url } = await call(startOauth, { return_url: "https://shop.example/pay?cart=1" });
    const oauth = new URL(url);
    expect(oauth.origin + oauth.pathname).toBe("http://127.0.0.1:9/qf/tool/v1/get_weixin_oauth_code");
    expect(oauth.searchParams.get("app_code")).toBe("APPCODE");
    expect(oauth.searchParams.get("sign")).toMatch(/^[0-9A-F]{32}$/);
    const back = new URL(oauth.searchParams.get("redirect_uri")!);
    expect(back.origin + back.pathname).toBe("https://shop.example/pay");
    expect(back.searchParams.get("qfpay_oauth")).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
    expect(url).not.toContain(KEY);
  });

  it("start: refuses a page outside the store's origins", async () => {
    await expect(call(startOauth, { return_url: "https://evil.example/" }, ["https://shop.example"])).rejects.toThrow(/store's origins/);
    await expect(call(startOauth, {})).rejects.toThrow("return_url is required");
  });

  it("openid: exchanges the code once the state checks out", async () => {
    const { url } = await call(startOauth, { return_url: "https://shop.example/pay" });
    const back = new URL(new URL(url).searchParams.get("redirect_uri")!);
    back.searchParams.set("code", "011QipnO1yMIla1VJdoO1FUrnO1Qipnv");
    const fetchMock = vi.fn(async (_input: RequestInfo | URL) => new Response('{"respcd": 0000, "openid": "oo3Lss8d0hLOuyTuSJMVwLTk68JE"}'));
    vi.stubGlobal("fetch", fetchMock);
    const answer = await call(exchangeCode, {
      code: back.searchParams.get("code"),
      state: back.searchParams.get("qfpay_oauth"),
      page_url: back.toString(),
    });
    expect(answer).toEqual({ openid: "oo3Lss8d0hLOuyTuSJMVwLTk68JE" });
    expect(String(fetchMock.mock.calls[0]![0])).toBe("http://127.0.0.1:9/qf/tool/v1/get_weixin_openid?code=011QipnO1yMIla1VJdoO1FUrnO1Qipnv");
  });

  it("openid: refuses a forged state without asking QFPay, and words QFPay's refusal", async () => {
    const fetchMock = vi.fn(async () => new Response('{"respcd": "1104", "resperr": "code used"}'));
    vi.stubGlobal("fetch", fetchMock);
    await expect(call(exchangeCode, { code: "abc", state: "1.2.3", page_url: "https://shop.example/pay" })).rejects.toThrow(/not one this store asked for/);
    expect(fetchMock).not.toHaveBeenCalled();
    const { url } = await call(startOauth, { return_url: "https://shop.example/pay" });
    const state = new URL(new URL(url).searchParams.get("redirect_uri")!).searchParams.get("qfpay_oauth");
    const error = await call(exchangeCode, { code: "abc", state, page_url: "https://shop.example/pay" }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/WeChat sign-in could not be completed: .*1104/);
    expect((error as Error).message).not.toContain(KEY);
  });
});
