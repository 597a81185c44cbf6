/** Each bad attribute gives a visible error and a qfpay-error event, never a blank box or an exception. */
import { afterEach, describe, expect, it } from "vitest";
import { checkoutAttributes, cleanup, find, mount, shadow, textOf } from "./test-support/mount.js";
import { PUBLISHABLE_KEY, sessionStats, setSession, uniqueSessionId } from "./test-support/stand-in.js";

afterEach(cleanup);

const uncaught: unknown[] = [];
window.addEventListener("error", (event) => uncaught.push(event.error));
window.addEventListener("unhandledrejection", (event) => uncaught.push(event.reason));

describe("<qfpay-checkout> with bad attributes", () => {
  it.each([
    ["no backend-url", { "backend-url": undefined }, "missing_backend_url", "Missing backend-url attribute."],
    ["an ftp backend-url", { "backend-url": "ftp://shop.example.com" }, "invalid_backend_url", "backend-url must be an http(s) URL."],
    ["a javascript: backend-url", { "backend-url": "javascript:alert(1)" }, "invalid_backend_url", "backend-url must be an http(s) URL."],
    ["a backend-url that is not a URL", { "backend-url": "shop" }, "invalid_backend_url", "backend-url must be an http(s) URL."],
    ["no publishable-key", { "publishable-key": undefined }, "missing_publishable_key", "Missing publishable-key attribute."],
    ["a blank publishable-key", { "publishable-key": "  " }, "missing_publishable_key", "Missing publishable-key attribute."],
    ["no session-id", { "session-id": undefined }, "missing_session_id", "Missing session-id (or cart-id) attribute."],
  ] as const)("%s", async (_case, override, code, text) => {
    uncaught.length = 0;
    const { el, of } = await mount(checkoutAttributes("payses_unused", override));
    const error = await find(el, "[part=error]");
    expect(error.textContent).toContain("Payment cannot be shown");
    expect(textOf(el)).toContain(text);
    expect(of("qfpay-error").map((e) => [e.detail.code, e.detail.transient])).toEqual([[code, false]]);
    expect(uncaught).toEqual([]);
  });

  it("a session that does not exist", async () => {
    const { el, of } = await mount(checkoutAttributes(uniqueSessionId("missing")));
    await find(el, "[part=error]");
    expect(textOf(el)).toContain("This payment does not exist or has ended.");
    expect(of("qfpay-error").map((e) => e.detail.code)).toEqual(["session_not_found"]);
    expect(shadow(el).querySelector("[part=action]")).toBeNull();
  });

  it("a publishable key the store refuses", async () => {
    const id = uniqueSessionId("badkey");
    await setSession(id, {});
    const { el, of } = await mount(checkoutAttributes(id, { "publishable-key": "pk_wrong" }));
    await find(el, "[part=error]");
    expect(of("qfpay-error").map((e) => e.detail.code)).toEqual(["bad_request"]);
    expect(of("qfpay-error")[0]!.detail.message).toContain("Publishable API key required");
    expect(textOf(el)).not.toContain(PUBLISHABLE_KEY);
    expect((await sessionStats(id)).gets).toBe(0);
  });

  it("recovers when the page fixes the attribute", async () => {
    const id = uniqueSessionId("fixed");
    await setSession(id, {});
    const { el } = await mount(checkoutAttributes(id, { "session-id": undefined }));
    await find(el, "[part=error]");
    el.setAttribute("session-id", id);
    await find(el, "svg.qr");
    expect(shadow(el).querySelector("[part=error]")).toBeNull();
  });
});
