import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { toMinorUnits } from "@qfpay-medusa/shared"
import { AdminApi, qfpayPayment, sumAmounts } from "../support/admin-api.js"
import { shopperEmail } from "../support/checkout.js"
import { launchBrowser, screenshot } from "../support/browser.js"
import { SandboxClient } from "../support/sandbox-client.js"
import { shopAndPay } from "../support/shopper.js"
import { stackInfo } from "../support/stack-info.js"

const info = stackInfo()
const sandbox = new SandboxClient(info.sandboxUrl)
let browser: Browser
let admin: AdminApi

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await AdminApi.login(info.medusaUrl, info.admin.email, info.admin.password)
})
afterAll(async () => {
  await browser?.close()
})

describe("a shopper pays with Alipay's web page (redirect and return)", () => {
  it("goes to the wallet page, pays, comes back to the storefront and sees the order", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-alipay"), payType: "801114" })

    const toWallet = widget.locator("[part=redirect-button]")
    await toWallet.waitFor({ state: "visible", timeout: 20_000 })
    await screenshot(page, "alipay-redirect")
    await toWallet.click()
    await page.waitForURL(new RegExp(`^${info.sandboxUrl}/wallet/web/`))
    await screenshot(page, "alipay-wallet-page")
    await page.getByRole("button", { name: /^Pay/ }).click()

    await page.waitForURL(new RegExp(`^${info.storefrontUrl}/`))
    await page.getByTestId("order").waitFor({ timeout: 20_000 })
    await screenshot(page, "alipay-order")
    const order = await admin.order((await page.getByTestId("order-id").textContent())!.trim())
    const payment = qfpayPayment(order)
    expect(payment.data.pay_type).toBe("801114")
    expect(sumAmounts(payment.captures)).toBe(order.total)
    const entry = (await sandbox.ledger()).find((e) => e.syssn === payment.data.syssn)!
    expect(entry).toMatchObject({ state: "succeeded", txamt: toMinorUnits(order.total, "HKD") })
    await page.close()
  })
})
