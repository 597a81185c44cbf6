import { afterEach, describe, expect, it } from "vitest";
import { checkoutAttributes, cleanup, find, mount, shadow, textOf, waitForText } from "../test-support/mount.js";
import { setSession, uniqueSessionId } from "../test-support/stand-in.js";
import en from "./en.js";
import { LOCALES, loadMessages, resolveLocale } from "./index.js";

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute("lang");
});

describe("resolveLocale", () => {
  it.each([
    ["zh-HK", "zh-hk"],
    ["zh-Hant-TW", "zh-hk"],
    ["zh_MO", "zh-hk"],
    ["zh-CN", "zh-cn"],
    ["zh-Hans-HK", "zh-cn"],
    ["zh", "zh-cn"],
    ["ja-JP", "ja"],
    ["th", "th"],
    ["en-GB", "en"],
    ["fr", "en"],
    ["", "en"],
    [null, "en"],
  ] as const)("%s → %s", (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });
});

describe("messages", () => {
  it.each(LOCALES)("%s has every message English has, translated", async (locale) => {
    const messages = await loadMessages(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(messages.errors).sort()).toEqual(Object.keys(en.errors).sort());
    if (locale !== "en") expect(messages.succeededTitle).not.toBe(en.succeededTitle);
  });
});

const EXPECTED: ReadonlyArray<readonly [string, string, string, string]> = [
  ["en", "Pay with WeChat Pay", "HK$123.45", "Waiting for your payment…"],
  ["zh-HK", "使用微信支付付款", "HK$123.45", "正在等待您付款…"],
  ["zh-CN", "使用微信支付付款", "HK$123.45", "正在等待您付款…"],
  ["ja", "WeChat Pay で支払う", "HK$123.45", "お支払いをお待ちしています…"],
  ["th", "ชำระเงินด้วย WeChat Pay", "HK$123.45", "กำลังรอการชำระเงิน…"],
];

describe("<qfpay-checkout> languages", () => {
  it.each(EXPECTED)("locale=%s", async (locale, title, amount, waiting) => {
    const id = uniqueSessionId(`lang-${locale}`);
    await setSession(id, { wallet: "wechat" });
    const { el } = await mount(checkoutAttributes(id, { locale }));
    await find(el, "svg.qr");
    const text = textOf(el);
    expect(text).toContain(title);
    expect(text.replace(/\u00a0/g, " ")).toContain(amount);
    expect(text).toContain(waiting);
    expect(shadow(el).querySelector(".base")!.getAttribute("lang")).toBe(locale === "en" ? "en" : (await loadMessages(resolveLocale(locale))).intlLocale);
  });

  it("follows the page's lang when no locale is set", async () => {
    const id = uniqueSessionId("page-lang");
    await setSession(id, { wallet: "alipay" });
    document.documentElement.lang = "ja";
    const { el } = await mount(checkoutAttributes(id, { locale: undefined }));
    await find(el, "svg.qr");
    expect(textOf(el)).toContain("Alipay で支払う");
  });

  it("follows a later change of the page's lang", async () => {
    // A final status: no countdown or poll updates the element, only the change of lang does.
    const id = uniqueSessionId("page-lang-change");
    await setSession(id, { status: "succeeded" });
    document.documentElement.lang = "en";
    const { el } = await mount(checkoutAttributes(id, { locale: undefined }));
    await find(el, "[part=result]");
    expect(textOf(el)).toContain("Payment successful");
    const ja = await loadMessages("ja");
    document.documentElement.lang = "ja";
    await waitForText(el, ja.succeededTitle);
    expect(shadow(el).querySelector(".base")!.getAttribute("lang")).toBe(ja.intlLocale);
  });

  it("follows the nearest lang attribute around it", async () => {
    const id = uniqueSessionId("near-lang");
    await setSession(id, { wallet: "promptpay", currency_code: "thb", amount: 25_000 });
    document.documentElement.lang = "en";
    const { el } = await mount(checkoutAttributes(id, { locale: undefined }), { lang: "th" });
    await find(el, "svg.qr");
    expect(textOf(el)).toContain("ชำระเงินด้วย พร้อมเพย์");
    expect(textOf(el)).toContain("฿250.00");
  });

  it("switches language when the attribute changes", async () => {
    const id = uniqueSessionId("switch");
    await setSession(id, { status: "succeeded" });
    const { el } = await mount(checkoutAttributes(id));
    await find(el, "[part=result]");
    expect(textOf(el)).toContain("Payment successful");
    el.locale = "zh-HK";
    await find(el, "[part=result]");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(textOf(el)).toContain("付款成功");
  });
});
