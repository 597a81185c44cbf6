import { findPayType, WALLETS } from "@qfpay-medusa/shared"
import { DEMO_PAY_TYPES_BY_CURRENCY } from "../../src/demo-pay-types"

export type WalletOption = { payType: string; label: string; hint: string }

const MODE_HINTS: Readonly<Record<string, string>> = {
  mpm: "scan a QR code",
  web: "continue on the wallet's page",
  wap: "continue on the wallet's page",
}

/** The wallets the store offers in a currency, labelled for the shopper. */
export function walletOptions(currencyCode: string): WalletOption[] {
  const codes = DEMO_PAY_TYPES_BY_CURRENCY[currencyCode.toUpperCase()] ?? []
  return codes.flatMap((code) => {
    const payType = findPayType(code)
    if (!payType) return []
    const wallet = WALLETS[payType.wallet]
    const name = wallet?.name ?? payType.wallet
    const label = payType.preauth ? `${name} (pre-authorization)` : name
    return [{ payType: code, label, hint: MODE_HINTS[payType.mode] ?? payType.mode }]
  })
}
