/** Server-side rendering frameworks import the element in Node, where there is no window. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const builtDefine = fileURLToPath(new URL("../dist/define.js", import.meta.url));

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

  // The package as published (after `pnpm build`): Lit stays an import there, so Node picks Lit's server build.
  it.skipIf(!existsSync(builtDefine))("imports the built dist/define.js", { timeout: 30_000 }, async () => {
    const built = (await import(/* @vite-ignore */ builtDefine)) as typeof import("./define.js");
    expect(built.TAG_NAME).toBe("qfpay-checkout");
    expect(typeof built.QfpayCheckout).toBe("function");
  });
});
