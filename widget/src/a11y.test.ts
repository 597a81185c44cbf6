/** axe-core audits of every view, light and dark, plus keyboard reachability. */
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SessionSetup } from "./test-support/status-server.js";
import { checkoutAttributes, cleanup, dropInAttributes, find, mount, shadow } from "./test-support/mount.js";
import { STAND_IN_PAY_PARAMS } from "./test-support/pay-params.js";
import { setCart, setSession, uniqueSessionId } from "./test-support/stand-in.js";

afterEach(cleanup);

async function audit(el: HTMLElement): Promise<string[]> {
  const results = await axe.run(el, { resultTypes: ["violations"] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const VIEWS: ReadonlyArray<readonly [string, SessionSetup | null, string]> = [
  ["QR", { wallet: "wechat" }, "svg.qr"],
  ["redirect", { mode: "redirect", wallet: "alipay" }, "[part=redirect-button]"],
  ["succeeded", { status: "succeeded" }, "[part=result]"],
  ["failed", { status: "failed", message: "Declined by the wallet." }, "[part=result]"],
  ["expired", { status: "expired" }, "[part=result]"],
  ["unknown session", null, "[part=error]"],
  ["WeChat JSAPI", { mode: "jsapi", wallet: "wechat", pay_type: "800207", pay_params: STAND_IN_PAY_PARAMS }, "[part=instructions]"],
];

describe.each(["light", "dark"] as const)("accessibility, %s theme", (theme) => {
  it.each(VIEWS)("%s view has no axe violations", async (_name, setup, selector) => {
    const id = uniqueSessionId("axe");
    if (setup) await setSession(id, setup);
    const { el } = await mount(checkoutAttributes(id, { theme }));
    await find(el, selector);
    expect(await audit(el)).toEqual([]);
  });
});

describe.each(["light", "dark"] as const)("accessibility of the drop-in's wallet picker, %s theme", (theme) => {
  it("has no axe violations, and each wallet is a labelled radio button", async () => {
    const cart = uniqueSessionId("axe-cart");
    const wallet = (pay_type: string, name: string, walletId: string) => ({
      pay_type,
      wallet: walletId,
      name,
      mode: "qr" as const,
      pay_mode: "mpm" as const,
      preauth: false,
      fits_device: true,
      devices: ["desktop" as const],
      refunds: "unstated" as const,
    });
    await setCart(cart, { pay_types: [wallet("800201", "WeChat Pay", "wechat"), wallet("805801", "PayMe", "payme"), wallet("804201", "GrabPay", "grabpay")] });
    const { el } = await mount(dropInAttributes(cart, { theme }));
    await find(el, "[part=picker]");
    expect(await audit(el)).toEqual([]);
    const radios = [...shadow(el).querySelectorAll<HTMLInputElement>("input[type=radio]")];
    const spoken = (label: HTMLLabelElement) => {
      const copy = label.cloneNode(true) as HTMLLabelElement;
      copy.querySelectorAll("[aria-hidden=true]").forEach((hidden) => hidden.remove());
      return copy.textContent!.replace(/\s+/g, " ").trim();
    };
    expect(radios.map((radio) => spoken(radio.closest("label")!))).toEqual(["WeChat Pay, scan a QR code", "PayMe, scan a QR code", "GrabPay, scan a QR code"]);
  });
});

describe("keyboard and semantics", () => {
  it("reaches every control with Tab, in reading order", async () => {
    const id = uniqueSessionId("keyboard");
    await setSession(id, { wallet: "alipay_hk", qrcode: "https://qr.alipay.com/bax1" });
    const { el } = await mount(checkoutAttributes(id));
    await find(el, "svg.qr");
    const focusable = [...shadow(el).querySelectorAll<HTMLElement>("button, a[href]")];
    expect(focusable.map((node) => node.textContent!.trim())).toEqual(["Copy code", "Open in AlipayHK", "Save QR image"]);
    expect(focusable.every((node) => node.tabIndex === 0)).toBe(true);
  });

  it("announces status through a polite live region", async () => {
    const id = uniqueSessionId("live");
    await setSession(id, {});
    const { el } = await mount(checkoutAttributes(id));
    await find(el, "svg.qr");
    const region = shadow(el).querySelector("[role=status]")!;
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(region.textContent!.trim()).toBe("Waiting for your payment…");
  });
});
