import { describe, expect, it } from "vitest";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { eventually, shopperEmail } from "../support/checkout.js";
import { screenshot, withFailureScreenshot } from "../support/browser.js";
import { scanQr } from "../support/qr-scanner.js";
import { payOnWalletPageInBrowser, qrCode, shopAndPay, watchForSuccess } from "../support/shopper.js";
import { useE2eContext } from "../support/test-context.js";

const e2e = useE2eContext();
const { info, sandbox } = e2e;

const syssnOf = (walletUrl: string) => decodeURIComponent(walletUrl.split("/").pop()!);

describe("the shopper does not wait, or waits too long", () => {
  it("pays and closes the tab before success shows: the order still appears (notification path)", async () => {
    const email = shopperEmail("e2e-closed-tab");
    const page = await e2e.browser.newPage();
    const phone = await e2e.browser.newPage();
    const widget = await shopAndPay(page, info.storefrontUrl, { email, payType: "800201" });
    await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 });
    const scanned = await scanQr(page, qrCode(widget));
    await page.close();

    await payOnWalletPageInBrowser(phone, scanned);
    const [order] = await eventually(async () => {
      const orders = await e2e.admin.ordersByEmail(email);
      return orders.length ? orders : undefined;
    }, "the order created from QFPay's notification");
    expect(sumAmounts(qfpayPayment(order!).captures)).toBe(order!.total);
    await phone.close();
  });

  it("the QR expires; the shopper takes a new code and pays it; exactly one payment is captured", async () => {
    const email = shopperEmail("e2e-expiry");
    const page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const phone = await e2e.browser.newPage();
    const widget = await shopAndPay(page, info.storefrontUrl, { email, payType: "800201" });
    await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 });
    const first = await scanQr(page, qrCode(widget));

    await sandbox.expire(syssnOf(first));
    const second = await withFailureScreenshot(page, "qr-expiry", async () => {
      const newCode = widget.locator("[part=action]");
      await newCode.waitFor({ state: "visible", timeout: 20_000 });
      await screenshot(page, "qr-expired");
      await newCode.click();
      await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 });
      return scanQr(page, qrCode(widget));
    });
    expect(syssnOf(second)).not.toBe(syssnOf(first));
    const succeeded = await watchForSuccess(page);
    await payOnWalletPageInBrowser(phone, second);
    await withFailureScreenshot(page, "qr-expiry-paid", async () => {
      await page.getByTestId("order").waitFor({ timeout: 20_000 });
    });
    expect(await succeeded()).not.toBeNull();

    const order = await e2e.admin.order((await page.getByTestId("order-id").textContent())!.trim());
    const payments = order.payment_collections.flatMap((c) => c.payments);
    expect(payments).toHaveLength(1);
    expect(sumAmounts(payments[0]!.captures)).toBe(order.total);
    const ledger = await sandbox.ledger();
    expect(ledger.find((e) => e.syssn === syssnOf(first))!.state).toBe("expired");
    expect(ledger.find((e) => e.syssn === syssnOf(second))!.state).toBe("succeeded");
    await page.close();
    await phone.close();
  });
});
