import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { shopperEmail } from "../support/checkout.js";
import { screenshot } from "../support/browser.js";
import { shopAndPay } from "../support/shopper.js";
import { useE2eContext } from "../support/test-context.js";

const e2e = useE2eContext();
const { info, sandbox } = e2e;

describe("a shopper pays with Alipay's web page (redirect and return)", () => {
  it("goes to the wallet page, pays, comes back to the storefront and sees the order", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-alipay"), payType: "801114" });

    const toWallet = widget.locator("[part=redirect-button]");
    await toWallet.waitFor({ state: "visible", timeout: 20_000 });
    await screenshot(page, "alipay-redirect");
    await toWallet.click();
    await page.waitForURL(new RegExp(`^${info.sandboxUrl}/wallet/web/`));
    await screenshot(page, "alipay-wallet-page");
    await page.getByRole("button", { name: /^Pay/ }).click();

    await page.waitForURL(new RegExp(`^${info.storefrontUrl}/`));
    await page.getByTestId("order").waitFor({ timeout: 20_000 });
    await screenshot(page, "alipay-order");
    const order = await e2e.admin.order((await page.getByTestId("order-id").textContent())!.trim());
    const payment = qfpayPayment(order);
    expect(payment.data.pay_type).toBe("801114");
    expect(sumAmounts(payment.captures)).toBe(order.total);
    const entry = (await sandbox.ledger()).find((e) => e.syssn === payment.data.syssn)!;
    expect(entry).toMatchObject({ state: "succeeded", txamt: toMinorUnits(order.total, "HKD") });
    await page.close();
  });
});
