import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** The storefront as a shopper uses it: pick a region, add products, fill the form, choose a wallet, press Pay. */
export async function shopAndPay(
  page: Page,
  storefrontUrl: string,
  options: { email: string; payType: string; regionId?: string; items?: number },
): Promise<Locator> {
  await page.goto(storefrontUrl);
  if (options.regionId) await page.getByTestId("region").selectOption(options.regionId);
  const products = page.getByTestId("product");
  await products.first().waitFor();
  for (let i = 0; i < (options.items ?? 1); i++) {
    await products.nth(i).getByRole("button", { name: "Add to cart" }).click();
    await expect.poll(() => page.getByTestId("cart").locator("li").count(), { timeout: 20_000 }).toBe(i + 1);
  }
  await page.getByTestId("checkout").click();
  await page.getByTestId("field-email").fill(options.email);
  await page.getByTestId("field-first_name").fill("Mei");
  await page.getByTestId("field-last_name").fill("Chan");
  await page.getByTestId("field-address_1").fill("1 Harbour Road");
  await page.getByTestId("field-city").fill("Hong Kong");
  await page.getByTestId(`wallet-${options.payType}`).check();
  await page.getByTestId("pay").click();
  const widget = page.getByTestId("qfpay-checkout");
  await widget.waitFor();
  return widget;
}

/** The widget's QR code (Playwright's CSS locators pierce its shadow root). */
export function qrCode(widget: Locator): Locator {
  return widget.locator("svg.qr");
}

/** The widget's success view. */
export function successView(widget: Locator): Locator {
  return widget.locator("[part=result]");
}

/** Opens the wallet page a QR code or pay_url leads to and presses Pay, as the shopper's phone would. */
/**
 * Notes the time (ms since the epoch) at which <qfpay-checkout> reports success, since the storefront replaces
 * the success view with the order as soon as the cart is complete; the returned function reads it (null: never).
 */
export async function watchForSuccess(page: Page): Promise<() => Promise<number | null>> {
  await page.evaluate(() => {
    document.addEventListener("qfpay-succeeded", () => (document.body.dataset.qfpaySucceededAt = String(Date.now())), { once: true });
  });
  return async () => {
    const at = await page.evaluate(() => document.body.dataset.qfpaySucceededAt);
    return at === undefined ? null : Number(at);
  };
}

export async function payOnWalletPageInBrowser(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("button", { name: /^Pay/ }).click();
}
