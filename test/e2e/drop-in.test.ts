import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { shopperEmail } from "../support/checkout.js";
import { screenshot } from "../support/browser.js";
import { scanQr } from "../support/qr-scanner.js";
import { qrCode, shopAndPay } from "../support/shopper.js";
import { useE2eContext } from "../support/test-context.js";

const e2e = useE2eContext();
const { info, sandbox } = e2e;

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const walletsIn = (widget: import("playwright-core").Locator) =>
  widget.locator("[part=wallet-option] input").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

describe("the widget's drop-in (cart-id) in the storefront", () => {
  it("on a computer lists the store's HK wallets that take a QR (PayMe included) and takes a PayMe payment", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-drop-in"), payType: "drop-in" });
    await widget.locator("[part=picker]").waitFor({ state: "visible", timeout: 20_000 });
    await screenshot(page, "drop-in-picker");
    const wallets = await walletsIn(widget);
    expect(wallets).toEqual(["800201", "801501", "802001", "805801", "803701", "800701", "801808", "801114"]);

    await widget.locator("[part=wallet-option]", { hasText: "PayMe" }).click();
    await widget.locator("[part=pay-button]").click();
    await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 });
    const phone = await e2e.browser.newPage();
    await phone.goto(await scanQr(page, qrCode(widget)));
    await phone.getByRole("button", { name: /^Pay/ }).click();

    await page.getByTestId("order").waitFor({ timeout: 20_000 });
    const order = await e2e.admin.order((await page.getByTestId("order-id").textContent())!.trim());
    const payment = qfpayPayment(order);
    expect(payment.data.pay_type).toBe("805801");
    expect(sumAmounts(payment.captures)).toBe(order.total);
    const entry = (await sandbox.ledger()).find((e) => e.syssn === payment.data.syssn)!;
    expect(entry).toMatchObject({ state: "succeeded", payType: "805801", txamt: toMinorUnits(order.total, "HKD") });
    await page.close();
    await phone.close();
  });

  it("on a phone puts the wallets' mobile pages first, and comes back from AlipayHK's page to the order", async () => {
    const context = await e2e.browser.newContext({ userAgent: IPHONE, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-drop-in-phone"), payType: "drop-in" });
    await widget.locator("[part=picker]").waitFor({ state: "visible", timeout: 20_000 });
    const wallets = await walletsIn(widget);
    expect(wallets.slice(0, 3)).toEqual(["801512", "803712", "801112"]);
    expect(wallets).not.toContain("800207");
    await screenshot(page, "drop-in-phone-picker");

    await widget.locator("[part=pay-button]").click();
    const toWallet = widget.locator("[part=redirect-button]");
    await toWallet.waitFor({ state: "visible", timeout: 20_000 });
    await toWallet.click();
    await page.waitForURL(new RegExp(`^${info.sandboxUrl}/wallet/`));
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.waitForURL(new RegExp(`^${info.storefrontUrl}/`));
    await page.getByTestId("order").waitFor({ timeout: 20_000 });
    const order = await e2e.admin.order((await page.getByTestId("order-id").textContent())!.trim());
    expect(qfpayPayment(order).data.pay_type).toBe("801512");
    await context.close();
  });
});
