import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { toMinorUnits } from "@qfpay-medusa/shared"
import { AdminApi, qfpayPayment, sumAmounts } from "../support/admin-api.js"
import { shopperEmail } from "../support/checkout.js"
import { launchBrowser, screenshot } from "../support/browser.js"
import { scanQr } from "../support/qr-scanner.js"
import { SandboxClient } from "../support/sandbox-client.js"
import { qrCode, shopAndPay, successView } from "../support/shopper.js"
import { stackInfo } from "../support/stack-info.js"

const info = stackInfo()
const sandbox = new SandboxClient(info.sandboxUrl)
let browser: Browser
let admin: AdminApi
let orderId = ""

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await AdminApi.login(info.medusaUrl, info.admin.email, info.admin.password)
})
afterAll(async () => {
  await browser?.close()
})

describe("a shopper pays with WeChat Pay QR in the storefront", () => {
  it("shows the QR, the phone scans and pays, success shows within 3 s, the order has a captured payment of the exact amount", async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const phone: Page = await browser.newPage()
    const widget = await shopAndPay(page, info.storefrontUrl, { email: shopperEmail("e2e-wechat"), payType: "800201", items: 2 })

    await qrCode(widget).waitFor({ state: "visible", timeout: 20_000 })
    await screenshot(page, "wechat-qr")
    const scanned = await scanQr(page, qrCode(widget))
    expect(scanned).toMatch(new RegExp(`^${info.sandboxUrl}/wallet/qr/`))

    await phone.goto(scanned)
    const paidAt = Date.now()
    await phone.getByRole("button", { name: /^Pay/ }).click()
    await successView(widget).waitFor({ state: "visible", timeout: 3_000 })
    const seconds = (Date.now() - paidAt) / 1000
    console.log(`WeChat QR: success shown ${seconds.toFixed(2)} s after paying`)
    await screenshot(page, "wechat-success")

    await page.getByTestId("order").waitFor({ timeout: 20_000 })
    await screenshot(page, "wechat-order")
    orderId = (await page.getByTestId("order-id").textContent())!.trim()
    const order = await admin.order(orderId)
    const payment = qfpayPayment(order)
    expect(payment.amount).toBe(order.total)
    expect(sumAmounts(payment.captures)).toBe(order.total)
    const entry = (await sandbox.ledger()).find((e) => e.syssn === payment.data.syssn)!
    expect(entry).toMatchObject({ state: "succeeded", txamt: toMinorUnits(order.total, "HKD") })
    await page.close()
    await phone.close()
  })

  it("the admin refunds part, then the rest; the sandbox's ledger matches to the cent", async () => {
    expect(orderId).not.toBe("")
    const payment = qfpayPayment(await admin.order(orderId))
    const part = 10.05
    await admin.refundPayment(payment.id, part)
    await admin.refundPayment(payment.id, Math.round((payment.amount - part) * 100) / 100)
    const refunds = (await sandbox.entriesFor(String(payment.data.syssn))).filter((e) => e.kind === "refund")
    expect(refunds.map((r) => [r.state, r.txamt]).sort()).toEqual(
      [
        ["succeeded", 1005],
        ["succeeded", toMinorUnits(payment.amount, "HKD") - 1005],
      ].sort(),
    )
    expect(sumAmounts(qfpayPayment(await admin.order(orderId)).refunds)).toBeCloseTo(payment.amount, 10)
  })
})
