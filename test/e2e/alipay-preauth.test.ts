import { describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { qfpayPayment, sumAmounts } from "../support/admin-api.js";
import { shopperEmail } from "../support/checkout.js";
import { screenshot } from "../support/browser.js";
import { scanQr } from "../support/qr-scanner.js";
import { payOnWalletPageInBrowser, qrCode, shopAndPay } from "../support/shopper.js";
import { useE2eContext } from "../support/test-context.js";

const e2e = useE2eContext();
const { info, sandbox } = e2e;

describe("Alipay pre-authorization in the storefront", () => {
  it("freezes at checkout, the admin captures and then refunds", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const phone = await e2e.browser.newPage();
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-preauth"), payType: "801808" });
    await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 });
    await screenshot(page, "preauth-qr");
    await payOnWalletPageInBrowser(phone, await scanQr(page, qrCode(widget)));
    await page.getByTestId("order").waitFor({ timeout: 20_000 });

    const orderId = (await page.getByTestId("order-id").textContent())!.trim();
    const frozen = qfpayPayment(await e2e.admin.order(orderId));
    expect(sumAmounts(frozen.captures)).toBe(0);
    const minor = toMinorUnits(frozen.amount, "HKD");
    expect((await sandbox.ledger()).find((e) => e.syssn === frozen.data.syssn)).toMatchObject({ state: "frozen", txamt: minor });

    await e2e.admin.capturePayment(frozen.id);
    const captured = qfpayPayment(await e2e.admin.order(orderId));
    expect(sumAmounts(captured.captures)).toBe(frozen.amount);

    await e2e.admin.refundPayment(captured.id, frozen.amount);
    const entries = await sandbox.ledger();
    const deduct = entries.find((e) => e.kind === "deduct" && e.origSyssn === frozen.data.syssn)!;
    expect(deduct.txamt).toBe(minor);
    expect(entries.filter((e) => e.kind === "refund" && e.origSyssn === deduct.syssn).map((e) => e.txamt)).toEqual([minor]);
    await page.close();
    await phone.close();
  });
});
