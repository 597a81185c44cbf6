import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { shopperEmail } from "../support/checkout.js";
import { screenshot } from "../support/browser.js";
import { scanQr } from "../support/qr-scanner.js";
import { qrCode, shopAndPay, successView, watchForSuccess } from "../support/shopper.js";
import { useE2eContext } from "../support/test-context.js";

const e2e = useE2eContext();
const { info, sandbox } = e2e;
let orderId = "";

describe("a shopper pays with WeChat Pay QR in the storefront", () => {
  it("shows the QR, the phone scans and pays, success shows within 3 s, the order has a captured payment of the exact amount", async () => {
    const page: Page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const phone: Page = await e2e.browser.newPage();
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-wechat"), payType: "800201", items: 2 });

    await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 });
    await screenshot(page, "wechat-qr");
    const scanned = await scanQr(page, qrCode(widget));
    expect(scanned).toMatch(new RegExp(`^${info.sandboxUrl}/wallet/qr/`));

    const successAt = await watchForSuccess(page);
    await phone.goto(scanned);
    const paidAt = Date.now();
    await phone.getByRole("button", { name: /^Pay/ }).click();
    // The success view stays until the storefront has completed the cart: catch it for the artifact.
    const successSeen = await successView(widget)
      .waitFor({ state: "visible", timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (successSeen) await screenshot(page, "wechat-success");

    await page.getByTestId("order").waitFor({ timeout: 20_000 });
    const shownAt = await successAt();
    expect(shownAt).not.toBeNull();
    const seconds = (shownAt! - paidAt) / 1000;
    console.log(`WeChat QR: success shown ${seconds.toFixed(2)} s after paying`);
    expect(seconds).toBeLessThan(3);
    await screenshot(page, "wechat-order");
    orderId = (await page.getByTestId("order-id").textContent())!.trim();
    const order = await e2e.admin.order(orderId);
    const payment = qfpayPayment(order);
    expect(payment.amount).toBe(order.total);
    expect(sumAmounts(payment.captures)).toBe(order.total);
    const entry = (await sandbox.ledger()).find((e) => e.syssn === payment.data.syssn)!;
    expect(entry).toMatchObject({ state: "succeeded", txamt: toMinorUnits(order.total, "HKD") });
    await page.close();
    await phone.close();
  });

  it("the admin refunds part, then the rest; the sandbox's ledger matches to the cent", async () => {
    expect(orderId).not.toBe("");
    const payment = qfpayPayment(await e2e.admin.order(orderId));
    const part = 10.05;
    await e2e.admin.refundPayment(payment.id, part);
    await e2e.admin.refundPayment(payment.id, Math.round((payment.amount - part) * 100) / 100);
    const refunds = (await sandbox.entriesFor(String(payment.data.syssn))).filter((e) => e.kind === "refund");
    expect(refunds.map((r) => [r.state, r.txamt]).sort()).toEqual(
      [
        ["succeeded", 1005],
        ["succeeded", toMinorUnits(payment.amount, "HKD") - 1005],
      ].sort(),
    );
    expect(sumAmounts(qfpayPayment(await e2e.admin.order(orderId)).refunds)).toBeCloseTo(payment.amount, 10);
  });
});
