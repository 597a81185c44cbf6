import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StorePayType } from "@qfpay-medusa/shared/checkout";
import { decodeSvgQr } from "../test-support/decode-qr.js";
import { eventually } from "../test-support/real-time.js";
import { cleanup, dropInAttributes, find, mount, shadow, textOf, waitForText } from "../test-support/mount.js";
import { cartStats, setCart, setSession, uniqueSessionId } from "../test-support/stand-in.js";
import { STAND_IN_PAY_PARAMS } from "../test-support/pay-params.js";

const option = (pay_type: string, wallet: string, name: string, mode: StorePayType["mode"], extra: Partial<StorePayType> = {}): StorePayType => ({
  pay_type,
  wallet,
  name,
  mode,
  pay_mode: mode === "qr" ? "mpm" : mode === "jsapi" ? "jsapi" : "wap",
  preauth: false,
  fits_device: true,
  devices: ["desktop", "phone", "wechat"],
  refunds: "unstated",
  ...extra,
});

const HK_WALLETS: StorePayType[] = [
  option("800201", "wechat", "WeChat Pay", "qr"),
  option("805801", "payme", "PayMe", "qr"),
  option("801512", "alipay_hk", "AlipayHK", "redirect", { fits_device: false, devices: ["phone"] }),
  option("800207", "wechat", "WeChat Pay", "jsapi", { fits_device: false, devices: ["wechat"] }),
  option("804214", "grabpay", "GrabPay", "redirect", { pay_mode: "web" }),
];

const WECHAT_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI";
const realUserAgent = Object.getOwnPropertyDescriptor(Navigator.prototype, "userAgent")!;

function insideWechat(): void {
  Object.defineProperty(navigator, "userAgent", { get: () => WECHAT_UA, configurable: true });
}

const walletsShown = (el: HTMLElement) => [...shadow(el).querySelectorAll<HTMLInputElement>("[part=wallet-option] input")].map((input) => input.value);

beforeEach(() => history.replaceState(null, "", location.pathname));
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  delete (navigator as { userAgent?: string }).userAgent;
  Object.defineProperty(Navigator.prototype, "userAgent", realUserAgent);
  delete window.WeixinJSBridge;
  history.replaceState(null, "", location.pathname);
});

describe("<qfpay-checkout cart-id> drop-in", () => {
  it("lists the cart's wallets that fit the device, best first, and opens the chosen one as a QR code", async () => {
    const cart = uniqueSessionId("cart");
    await setCart(cart, { pay_types: HK_WALLETS });
    const { el, of } = await mount(dropInAttributes(cart));
    await find(el, "[part=picker]");
    expect(walletsShown(el)).toEqual(["800201", "805801", "804214"]);
    expect(shadow(el).querySelector<HTMLInputElement>("[part=wallet-option] input")!.checked).toBe(true);
    expect(textOf(el)).toContain("Choose how to pay");
    expect(shadow(el).querySelector("[part=pay-button]")!.textContent).toContain("Pay with WeChat Pay");

    shadow(el).querySelectorAll<HTMLInputElement>("[part=wallet-option] input")[1]!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector("[part=pay-button]")!.textContent).toContain("Pay with PayMe");
    shadow(el).querySelector<HTMLButtonElement>("[part=pay-button]")!.click();

    const svg = await find<SVGSVGElement>(el, "svg.qr");
    const stats = await cartStats(cart);
    expect(stats.collections_created).toBe(1);
    expect(stats.sessions_created).toEqual([{ provider_id: "pp_qfpay_qfpay", data: { pay_type: "805801" } }]);
    expect(await decodeSvgQr(svg)).toContain(stats.session_ids[0]);
    expect(of("qfpay-session").map((event) => event.detail)).toEqual([{ sessionId: stats.session_ids[0], cartId: cart, payType: "805801" }]);
    expect(textOf(el)).toContain("Pay with PayMe");
  });

  it("replaces the session when the shopper chooses another wallet, and sends redirect wallets back here", async () => {
    const cart = uniqueSessionId("cart-change");
    await setCart(cart, { pay_types: HK_WALLETS });
    const { el } = await mount(dropInAttributes(cart, { "return-url": "https://shop.example/checkout?step=pay" }));
    (await find<HTMLButtonElement>(el, "[part=pay-button]")).click();
    await find(el, "svg.qr");
    (await find<HTMLButtonElement>(el, "[part=change-wallet]")).click();
    await find(el, "[part=picker]");
    shadow(el).querySelectorAll<HTMLInputElement>("[part=wallet-option] input")[2]!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>("[part=pay-button]")!.click();
    await find(el, "[part=redirect-button]");
    const stats = await cartStats(cart);
    expect(stats.collections_created).toBe(1);
    expect(stats.sessions_created.map((created) => created.data)).toEqual([
      { pay_type: "800201" },
      { pay_type: "804214", return_url: "https://shop.example/checkout?step=pay" },
    ]);
    expect(el.checkout?.session_id).toBe(stats.session_ids[1]);
  });

  it("follows the cart's session again after a reload, without opening another", async () => {
    const cart = uniqueSessionId("cart-resume");
    await setCart(cart, { pay_types: HK_WALLETS });
    const first = await mount(dropInAttributes(cart));
    (await find<HTMLButtonElement>(first.el, "[part=pay-button]")).click();
    await find(first.el, "svg.qr");
    cleanup();
    const again = await mount(dropInAttributes(cart));
    await find(again.el, "svg.qr");
    expect((await cartStats(cart)).sessions_created).toHaveLength(1);
    await setSession((await cartStats(cart)).session_ids[0]!, { status: "succeeded" });
    await eventually(() => expect(again.of("qfpay-succeeded")).toHaveLength(1), 5000);
    expect(shadow(again.el).querySelector("[part=change-wallet]")).toBeNull();
  });

  it("says so when no wallet of the store fits this cart", async () => {
    const cart = uniqueSessionId("cart-none");
    await setCart(cart, { pay_types: [HK_WALLETS[2]!] });
    const { el } = await mount(dropInAttributes(cart));
    await waitForText(el, "None of the store's wallets can take this payment.");
    expect(shadow(el).querySelector("[part=pay-button]")).toBeNull();
  });
});

describe("WeChat Pay JSAPI", () => {
  it("is offered first inside WeChat, opens with the merchant's openid and WeChat's sheet; a closed sheet can be opened again", async () => {
    insideWechat();
    const invoked: unknown[] = [];
    const answers = ["get_brand_wcpay_request:cancel", "get_brand_wcpay_request:ok"];
    window.WeixinJSBridge = {
      invoke: (name, params, callback) => {
        invoked.push([name, params]);
        callback({ err_msg: answers.shift() });
      },
    };
    const cart = uniqueSessionId("cart-jsapi");
    const jsapiFirst = [{ ...HK_WALLETS[3]!, fits_device: true }, HK_WALLETS[0]!];
    await setCart(cart, { pay_types: jsapiFirst });
    const { el } = await mount(dropInAttributes(cart, { "wechat-openid": "oMerchantOwnOpenid" }));
    await find(el, "[part=picker]");
    expect(walletsShown(el)).toEqual(["800207", "800201"]);
    shadow(el).querySelector<HTMLButtonElement>("[part=pay-button]")!.click();

    await waitForText(el, "You closed WeChat Pay; nothing was charged.");
    const stats = await cartStats(cart);
    expect(stats.sessions_created[0]!.data).toEqual({ pay_type: "800207", sub_openid: "oMerchantOwnOpenid" });
    expect(invoked).toEqual([["getBrandWCPayRequest", STAND_IN_PAY_PARAMS]]);
    expect(shadow(el).querySelector("[role=alert]")).not.toBeNull();

    (await find<HTMLButtonElement>(el, "[part=wechat-pay-button]")).click();
    await eventually(() => expect(invoked).toHaveLength(2));
    await setSession(stats.session_ids[0]!, { status: "succeeded" });
    await waitForText(el, "Payment successful");
  });

  it("without an openid, signs in through QFPay's official account and comes back to open the order", async () => {
    insideWechat();
    window.WeixinJSBridge = { invoke: (_name, _params, callback) => callback({ err_msg: "get_brand_wcpay_request:ok" }) };
    const cart = uniqueSessionId("cart-oauth");
    await setCart(cart, { pay_types: [{ ...HK_WALLETS[3]!, fits_device: true }], openid: "oQfpayOpenid" });
    history.replaceState(null, "", `${location.pathname}?cart=${cart}`);
    const first = await mount(dropInAttributes(cart));
    first.el.addEventListener("qfpay-redirect", (event) => event.preventDefault());
    (await find<HTMLButtonElement>(first.el, "[part=pay-button]")).click();
    await eventually(() => expect(first.of("qfpay-redirect")).toHaveLength(1));
    const oauth = new URL(first.of("qfpay-redirect")[0]!.detail.url);
    expect(oauth.pathname).toBe("/tool/v1/get_weixin_oauth_code");
    const back = new URL(oauth.searchParams.get("redirect_uri")!);
    expect(back.searchParams.get("cart")).toBe(cart);
    expect((await cartStats(cart)).sessions_created).toEqual([]);

    // WeChat sends the shopper back with a one-time code.
    cleanup();
    back.searchParams.set("code", "good-code");
    history.replaceState(null, "", back.pathname + back.search);
    const { el } = await mount(dropInAttributes(cart));
    await find(el, "[part=wechat-pay-button]");
    const stats = await cartStats(cart);
    expect(stats.openid_exchanges).toEqual([
      { provider_id: "pp_qfpay_qfpay", code: "good-code", state: "signed-state", page_url: expect.stringContaining("code=good-code") },
    ]);
    expect(stats.sessions_created.map((created) => created.data)).toEqual([{ pay_type: "800207", sub_openid: "oQfpayOpenid" }]);
    expect(location.search).toBe(`?cart=${cart}`);
  });

  it("offers QFPay's cashier when WeChat's sheet refuses the order", async () => {
    insideWechat();
    window.WeixinJSBridge = { invoke: (_name, _params, callback) => callback({ err_msg: "get_brand_wcpay_request:fail" }) };
    const id = uniqueSessionId("jsapi-fail");
    await setSession(id, {
      mode: "jsapi",
      wallet: "wechat",
      pay_type: "800207",
      pay_params: STAND_IN_PAY_PARAMS,
      pay_url: "https://o2.qfpay.com/q/direct?package=y",
    });
    const { el } = await mount({ ...dropInAttributes("unused"), "cart-id": undefined, "session-id": id });
    await waitForText(el, "WeChat Pay could not take the payment.");
    expect((await find<HTMLAnchorElement>(el, "[part=redirect-button]")).href).toBe("https://o2.qfpay.com/q/direct?package=y");
    expect(shadow(el).querySelector("[part=wechat-pay-button]")).not.toBeNull();
  });

  it("outside WeChat shows how to pay instead of a sheet, and QFPay's cashier when the server gave one", async () => {
    const id = uniqueSessionId("jsapi-outside");
    await setSession(id, {
      mode: "jsapi",
      wallet: "wechat",
      pay_type: "800207",
      pay_params: STAND_IN_PAY_PARAMS,
      pay_url: "https://o2.qfpay.com/q/direct?package=x",
    });
    const { el } = await mount({ ...dropInAttributes("unused"), "cart-id": undefined, "session-id": id });
    await waitForText(el, "Open this page in WeChat to pay with WeChat Pay.");
    expect((await find<HTMLAnchorElement>(el, "[part=redirect-button]")).href).toBe("https://o2.qfpay.com/q/direct?package=x");
    expect(shadow(el).querySelector("[part=wechat-pay-button]")).toBeNull();
  });
});
