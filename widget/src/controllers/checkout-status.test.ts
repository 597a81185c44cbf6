/** The status controller through the element: its args checked on each update, and a promise to await. */
import { afterEach, describe, expect, it } from "vitest";
import { checkoutAttributes, cleanup, mount, shadow } from "../test-support/mount.js";
import { sessionStats, setSession, uniqueSessionId } from "../test-support/stand-in.js";

afterEach(cleanup);

describe("<qfpay-checkout> statusComplete", () => {
  it("resolves once the first answer is applied", async () => {
    const id = uniqueSessionId("complete");
    await setSession(id, { status: "processing" });
    const { el, of } = await mount(checkoutAttributes(id));
    const checkout = await el.statusComplete;
    expect(checkout).toMatchObject({ session_id: id, status: "processing" });
    expect(el.checkout).toBe(checkout);
    expect(of("qfpay-status").map((event) => event.detail.status)).toEqual(["processing"]);
    await el.updateComplete;
    expect(shadow(el).querySelector("[part=status]")!.textContent).toContain("Payment received, confirming");
  });

  it("starts over when an attribute it follows changes, and gives the new session's answer", async () => {
    const first = uniqueSessionId("complete-first");
    const second = uniqueSessionId("complete-second");
    await setSession(first, { status: "succeeded", delay_ms: 300 });
    await setSession(second, {});
    const { el, of } = await mount(checkoutAttributes(first));
    el.sessionId = second;
    await el.updateComplete;
    expect(await el.statusComplete).toMatchObject({ session_id: second, status: "pending" });
    expect(el.checkout?.session_id).toBe(second);
    expect(of("qfpay-status").map((event) => event.detail.checkout.session_id)).toEqual([second]);
  });

  it("resolves at once, asking nothing, when an attribute is wrong", async () => {
    const id = uniqueSessionId("complete-bad");
    await setSession(id, {});
    const { el, of } = await mount(checkoutAttributes(id, { "backend-url": "ftp://shop.example.com" }));
    expect(await el.statusComplete).toBeUndefined();
    expect(of("qfpay-error").map((event) => event.detail.code)).toEqual(["invalid_backend_url"]);
    expect((await sessionStats(id)).gets).toBe(0);
  });
});
