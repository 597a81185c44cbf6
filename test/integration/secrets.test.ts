import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cartReadyToPay, checkoutStatus, openQfpaySession, placePaidOrder, shopperEmail, storeApi } from "../support/checkout.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info } = stack;
const key = info.qfpayClientKey;

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.ok).toBe(true);
  return response.text();
}

describe("the QFPay client key stays on the server", () => {
  it("is in no payment session, status answer, stored payment or Medusa log line", async () => {
    expect(key.length).toBeGreaterThanOrEqual(16);
    const cart = await cartReadyToPay(info, { currency: "hkd", email: shopperEmail("secret") });
    const session = await openQfpaySession(info, cart, "800201");
    expect(JSON.stringify(session)).not.toContain(key);
    expect(JSON.stringify(await checkoutStatus(info, session.id))).not.toContain(key);
    expect(JSON.stringify(await storeApi(info).cart(cart.id))).not.toContain(key);

    const { order } = await placePaidOrder(info, { currency: "hkd", payType: "801114" });
    expect(JSON.stringify(await stack.admin.order(order.id))).not.toContain(key);
    expect(readFileSync(info.medusaLogFile, "utf8")).not.toContain(key);
  });

  it("is not in what the storefront sends to the browser", async () => {
    const page = await text(`${info.storefrontUrl}/`);
    const scripts = [...page.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const bundles = await Promise.all(scripts.map((src) => text(new URL(src, info.storefrontUrl).href)));
    for (const body of [page, ...bundles]) expect(body).not.toContain(key);
    expect(bundles.join("\n")).toContain(info.publishableKey);
  });
});
