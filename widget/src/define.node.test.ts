/** Server-side rendering frameworks import the element in Node, where there is no window. */
import { describe, expect, it } from "vitest";

describe("importing in Node (SSR)", () => {
  it("has no window to lean on", () => {
    expect(typeof window).toBe("undefined");
  });

  it("imports index and define without touching the DOM", { timeout: 30_000 }, async () => {
    const index = await import("./index.js");
    const define = await import("./define.js");
    expect(define.QfpayCheckout).toBe(index.QfpayCheckout);
    expect(define.TAG_NAME).toBe("qfpay-checkout");
    expect(() => define.defineQfpayCheckout()).not.toThrow();
  });
});
