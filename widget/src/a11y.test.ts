/** axe-core audits of every view, light and dark, plus keyboard reachability. */
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SessionSetup } from "./test-support/status-server.js";
import { checkoutAttributes, cleanup, find, mount, shadow } from "./test-support/mount.js";
import { setSession, uniqueSessionId } from "./test-support/stand-in.js";

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
