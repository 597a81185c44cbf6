/**
 * The QFPay pay types the demo store offers, per currency (one currency per region).
 * Read by medusa-config.ts (the provider's `payTypes` option) and by the storefront (the wallet choice),
 * so both always agree. Codes are QFPay's `pay_type`s from the shared catalog.
 */
export const DEMO_PAY_TYPES_BY_CURRENCY: Readonly<Record<string, readonly string[]>> = {
  HKD: [
    "800201", // WeChat Pay QR
    "801501", // Alipay HK QR
    "801512", // Alipay HK mobile page (redirect)
    "802001", // FPS QR
    "801114", // Alipay online (redirect)
    "801808", // Alipay pre-authorization QR (freeze now, capture later)
  ],
  SGD: [
    "800201", // WeChat Pay QR
    "802301", // PayNow QR
    "801114", // Alipay online (redirect)
  ],
}

/** The provider's `payTypes` option built from the table above. */
export function demoPayTypesOption(): {
  default: string
  byCurrency: Record<string, string>
  allowed: string[]
  storefrontMayChoose: true
} {
  const byCurrency = Object.fromEntries(
    Object.entries(DEMO_PAY_TYPES_BY_CURRENCY).map(([currency, codes]) => [currency, codes[0]!]),
  )
  const allowed = [...new Set(Object.values(DEMO_PAY_TYPES_BY_CURRENCY).flat())]
  return { default: "800201", byCurrency, allowed, storefrontMayChoose: true }
}
