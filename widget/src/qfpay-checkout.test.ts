import { afterEach, describe, expect, it, vi } from "vitest";
import jsQR from "jsqr";
import { decodeSvgQr } from "./test-support/decode-qr.js";
import { eventually } from "./test-support/real-time.js";
import { checkoutAttributes, cleanup, find, mount, shadow, textOf, waitForGets, waitForText } from "./test-support/mount.js";
import { sessionStats, setSession, uniqueSessionId } from "./test-support/stand-in.js";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe("<qfpay-checkout> in QR mode", () => {
  it("shows the wallet, the amount and a QR code that decodes to the server's text", async () => {
    const id = uniqueSessionId("qr");
    const served = await setSession(id, { wallet: "wechat", amount: 12_345, currency_code: "hkd" });
    const { el } = await mount(checkoutAttributes(id));

    const svg = await find<SVGSVGElement>(el, "svg.qr");
    expect(await decodeSvgQr(svg)).toBe(served.qrcode);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("QR code to pay with WeChat Pay");
    expect(textOf(el)).toContain("Pay with WeChat Pay");
    expect(shadow(el).querySelector("[part=amount]")!.textContent).toContain("HK$123.45");
    expect(textOf(el)).toContain("Open WeChat, tap + then Scan");
    expect(el.style.cssText).toBe("");
    expect(shadow(el).querySelector("[style]")).toBeNull();
  });

  it("keeps the quiet zone and modules dark-on-light in the dark theme", async () => {
    const id = uniqueSessionId("dark");
    const served = await setSession(id, {});
    const { el } = await mount(checkoutAttributes(id, { theme: "dark" }));
    const svg = await find<SVGSVGElement>(el, "svg.qr");
    const base = shadow(el).querySelector(".base")!;
    expect(getComputedStyle(base).backgroundColor).toBe("rgb(17, 24, 39)");
    expect(getComputedStyle(svg.querySelector("rect")!).fill).toBe("rgb(255, 255, 255)");
    expect(getComputedStyle(svg.querySelector("path")!).fill).toBe("rgb(0, 0, 0)");
    expect(await decodeSvgQr(svg)).toBe(served.qrcode);
  });

  it("copies the code's text", async () => {
    const id = uniqueSessionId("copy");
    const served = await setSession(id, {});
    const { el } = await mount(checkoutAttributes(id));
    const button = await find<HTMLButtonElement>(el, "[part=copy-button]");
    button.focus();
    button.click();
    await waitForText(el, "Code copied");
    expect(await navigator.clipboard.readText()).toBe(served.qrcode);
  });

  it("offers same-phone help: open in the wallet when it has a link, else save the QR", async () => {
    const linked = uniqueSessionId("phone-link");
    await setSession(linked, { wallet: "alipay_hk", qrcode: "https://qr.alipay.com/bax123" });
    const { el: withLink } = await mount(checkoutAttributes(linked));
    const open = await find<HTMLAnchorElement>(withLink, "[part=same-phone] a");
    expect(open.href).toBe("https://qr.alipay.com/bax123");
    expect(open.textContent).toContain("Open in AlipayHK");

    const scanOnly = uniqueSessionId("phone-save");
    await setSession(scanOnly, { wallet: "wechat" });
    const { el: withoutLink } = await mount(checkoutAttributes(scanOnly));
    const section = await find(withoutLink, "[part=same-phone]");
    expect(section.querySelector("a")).toBeNull();
    expect(section.textContent).toContain("Save the QR image, then open WeChat Pay");
    expect(section.querySelector("button")!.textContent).toContain("Save QR image");
  });
});

describe("<qfpay-checkout> saving the QR for the same phone", () => {
  it("saves a PNG that decodes to the code's text", async () => {
    const id = uniqueSessionId("save");
    const served = await setSession(id, { wallet: "wechat" });
    const { el } = await mount(checkoutAttributes(id));
    const saveButton = await find<HTMLButtonElement>(el, "[part=same-phone] button");
    const createObjectURL = vi.spyOn(URL, "createObjectURL");
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    try {
      saveButton.click();
      await eventually(() => expect(click).toHaveBeenCalledTimes(1));
      const link = click.mock.contexts[0] as HTMLAnchorElement;
      expect(link.download).toBe("qfpay-wechat.png");
      const png = createObjectURL.mock.calls[0]![0] as Blob;
      expect(png.type).toBe("image/png");
      const bitmap = await createImageBitmap(png);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      expect(jsQR(data, bitmap.width, bitmap.height)?.data).toBe(served.qrcode);
    } finally {
      click.mockRestore();
      createObjectURL.mockRestore();
    }
  });
});

describe("<qfpay-checkout> status and events", () => {
  it("walks pending → processing → succeeded, emitting each change once, then stops polling", async () => {
    const id = uniqueSessionId("success");
    await setSession(id, {});
    const { el, of } = await mount(checkoutAttributes(id, { "poll-interval": "500" }));
    await waitForText(el, "Waiting for your payment");

    await setSession(id, { status: "processing" });
    await waitForText(el, "Payment received, confirming");
    await setSession(id, { status: "succeeded" });
    await find(el, "[part=result]");
    expect(textOf(el)).toContain("Payment successful");

    expect(of("qfpay-status").map((e) => [e.detail.previous, e.detail.status])).toEqual([
      [null, "pending"],
      ["pending", "processing"],
      ["processing", "succeeded"],
    ]);
    const [succeeded, ...more] = of("qfpay-succeeded");
    expect(more).toEqual([]);
    expect(succeeded!.detail.sessionId).toBe(id);
    expect(succeeded!.detail.checkout.amount).toBe(12_345);
    expect(of("qfpay-status").every((e) => e.bubbles && e.composed)).toBe(true);
    expect(succeeded!.bubbles && succeeded!.composed).toBe(true);

    const after = (await sessionStats(id)).gets;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await sessionStats(id)).gets).toBe(after);
  });

  it.each([
    ["failed", "Payment failed", "Try again"],
    ["canceled", "Payment canceled", "Get a new code"],
  ] as const)("shows %s with the server's reason, an action and qfpay-failed", async (status, title, action) => {
    const id = uniqueSessionId(status);
    await setSession(id, { status, message: "The wallet declined the payment." });
    const { el, of } = await mount(checkoutAttributes(id));
    await find(el, "[part=result]");
    expect(textOf(el)).toContain(title);
    expect(textOf(el)).toContain("The wallet declined the payment.");
    expect(shadow(el).querySelector("[part=action]")!.textContent).toContain(action);
    expect(of("qfpay-failed").map((e) => e.detail)).toEqual([expect.objectContaining({ sessionId: id, status, message: "The wallet declined the payment." })]);
    expect(of("qfpay-succeeded")).toEqual([]);
  });

  it("shows an expiry the server reports, with qfpay-expired and a new-code button", async () => {
    const id = uniqueSessionId("server-expired");
    await setSession(id, { status: "expired" });
    const { el, of } = await mount(checkoutAttributes(id));
    await find(el, "[part=result]");
    expect(textOf(el)).toContain("This code has expired");
    expect(of("qfpay-expired")).toHaveLength(1);
    expect(shadow(el).querySelector("[part=action]")!.textContent).toContain("Get a new code");
  });

  it("after the server expires the code, a new one comes from the refresh route", async () => {
    const id = uniqueSessionId("server-expiry");
    const first = await setSession(id, { ttl_seconds: 1 });
    const { el, of } = await mount(checkoutAttributes(id, { "poll-interval": "500" }));
    await find(el, "svg.qr");
    const button = await find<HTMLButtonElement>(el, "[part=action]");
    expect(textOf(el)).toContain("This code has expired");
    await eventually(() => expect(of("qfpay-status").map((e) => e.detail.status)).toEqual(["pending", "expired"]));
    expect(of("qfpay-expired")).toHaveLength(1);

    button.click();
    const renewed = await find<SVGSVGElement>(el, "svg.qr");
    expect(await decodeSvgQr(renewed)).toBe(`${first.qrcode}-1`);
    expect((await sessionStats(id)).refreshes).toBe(1);
    expect(of("qfpay-status").map((e) => e.detail.status)).toEqual(["pending", "expired", "pending"]);
  });

  it("ignores a late answer for a session it no longer shows", async () => {
    const old = uniqueSessionId("late-old");
    const current = uniqueSessionId("late-new");
    await setSession(old, { status: "succeeded", delay_ms: 400 });
    await setSession(current, {});
    const { el, of } = await mount(checkoutAttributes(old));
    await waitForGets(old, 1);
    el.sessionId = current;
    await find(el, "svg.qr");
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(of("qfpay-succeeded")).toEqual([]);
    expect(shadow(el).querySelector("svg.qr")).not.toBeNull();
    expect(el.checkout?.session_id).toBe(current);
  });
});

describe("<qfpay-checkout> in redirect mode", () => {
  it("shows a button to the wallet's https page and asks the page before leaving", async () => {
    const id = uniqueSessionId("redirect");
    await setSession(id, { mode: "redirect", wallet: "alipay", pay_url: "https://wallet.example.com/pay/abc" });
    const { el, of } = await mount(checkoutAttributes(id));
    const link = await find<HTMLAnchorElement>(el, "[part=redirect-button]");
    expect(link.href).toBe("https://wallet.example.com/pay/abc");
    expect(link.textContent).toContain("Continue to Alipay");
    expect(shadow(el).querySelector("svg.qr")).toBeNull();

    el.parentElement!.addEventListener("qfpay-redirect", (event) => event.preventDefault(), { once: true });
    link.click();
    expect(of("qfpay-redirect").map((e) => e.detail.url)).toEqual(["https://wallet.example.com/pay/abc"]);
    expect(location.href).not.toContain("wallet.example.com");
  });

  it("redirects by itself with auto-redirect, once per code, and keeps polling for the return", async () => {
    const id = uniqueSessionId("auto");
    await setSession(id, { mode: "redirect", pay_url: "https://wallet.example.com/pay/auto" });
    const stayHere = (event: Event) => event.preventDefault();
    document.addEventListener("qfpay-redirect", stayHere);
    const { of } = await mount(checkoutAttributes(id, { "auto-redirect": true, "poll-interval": "500" }));
    await eventually(() => expect(of("qfpay-redirect")).toHaveLength(1));
    await waitForGets(id, 3);
    expect(of("qfpay-redirect")).toHaveLength(1);

    // Back from the wallet (a fresh element on a reloaded page): no second automatic redirect.
    cleanup();
    const again = await mount(checkoutAttributes(id, { "auto-redirect": true }));
    await find(again.el, "[part=redirect-button]");
    expect(again.of("qfpay-redirect")).toEqual([]);
    await setSession(id, { status: "succeeded" });
    await eventually(() => expect(again.of("qfpay-succeeded")).toHaveLength(1), 5000);
    document.removeEventListener("qfpay-redirect", stayHere);
  });

  it.each([
    ["http://wallet.example.com/pay", undefined],
    ["javascript:alert(document.domain)", undefined],
    ["data:text/html,hi", undefined],
    ["http://127.0.0.1:9/wallet/web/1", "http://127.0.0.1:8"],
  ])("never sends the shopper to %s", async (payUrl, allowed) => {
    const id = uniqueSessionId("unsafe");
    await setSession(id, { mode: "redirect", pay_url: payUrl });
    const { el, of } = await mount(checkoutAttributes(id, { "auto-redirect": true, "allowed-redirect-origins": allowed }));
    await waitForText(el, "The wallet link is not secure");
    expect(shadow(el).querySelector("[part=redirect-button]")).toBeNull();
    expect(shadow(el).querySelector(`a[href="${payUrl}"]`)).toBeNull();
    expect(of("qfpay-redirect")).toEqual([]);
    expect(of("qfpay-error").map((e) => e.detail.code)).toContain("unsafe_redirect");
  });

  it("allows the sandbox's http origin when the page lists it", async () => {
    const id = uniqueSessionId("sandbox");
    await setSession(id, { mode: "redirect", pay_url: "http://127.0.0.1:4010/wallet/web/20260101" });
    const { el } = await mount(checkoutAttributes(id, { "allowed-redirect-origins": "http://127.0.0.1:4010" }));
    const link = await find<HTMLAnchorElement>(el, "[part=redirect-button]");
    expect(link.href).toBe("http://127.0.0.1:4010/wallet/web/20260101");
  });
});
