import { beforeAll, describe, expect, it } from "vitest"
import { toMinorUnits } from "@qfpay-medusa/shared"
import { AdminApi, qfpayPayment, sumAmounts } from "../support/admin-api.js"
import { placePaidOrder } from "../support/checkout.js"
import { SandboxClient } from "../support/sandbox-client.js"
import { stackInfo } from "../support/stack-info.js"

const ALIPAY_PREAUTH_QR = "801808"

const info = stackInfo()
const sandbox = new SandboxClient(info.sandboxUrl)
let admin: AdminApi

beforeAll(async () => {
  admin = await AdminApi.login(info.medusaUrl, info.admin.email, info.admin.password)
})

describe("Alipay pre-authorization", () => {
  it("freezes at checkout, captures through the admin API, then refunds", async () => {
    const { order, cart } = await placePaidOrder(info, { currency: "hkd", payType: ALIPAY_PREAUTH_QR })
    const minor = toMinorUnits(cart.total, "HKD")

    const authorized = qfpayPayment(await admin.order(order.id))
    expect(authorized.captured_at).toBeNull()
    expect(sumAmounts(authorized.captures)).toBe(0)
    const freeze = (await sandbox.ledger()).find((e) => e.syssn === authorized.data.syssn)!
    expect(freeze).toMatchObject({ preauth: true, state: "frozen", txamt: minor })

    await admin.capturePayment(authorized.id)
    const captured = qfpayPayment(await admin.order(order.id))
    expect(sumAmounts(captured.captures)).toBe(cart.total)
    const deduct = (await sandbox.ledger()).find((e) => e.kind === "deduct" && e.origSyssn === freeze.syssn)!
    expect(deduct).toMatchObject({ state: "succeeded", txamt: minor })

    await admin.refundPayment(captured.id, cart.total)
    const refunds = (await sandbox.ledger()).filter((e) => e.kind === "refund" && e.origSyssn === deduct.syssn)
    expect(refunds.map((r) => r.txamt)).toEqual([minor])
    expect(sumAmounts(qfpayPayment(await admin.order(order.id)).refunds)).toBe(cart.total)
  })
})
