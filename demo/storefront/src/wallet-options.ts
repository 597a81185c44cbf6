import type { StorePayType, StorePayTypes } from "@qfpay-medusa/shared";

export type WalletOption = { payType: string; label: string; hint: string; mode: StorePayType["mode"] };

const MODE_HINTS: Readonly<Record<StorePayType["mode"], string>> = {
  qr: "scan a QR code",
  redirect: "continue on the wallet's page",
  jsapi: "pay inside WeChat",
};

/**
 * The wallets the plugin offers for the cart (`GET /store/qfpay/pay-types`), already kept to its currency and
 * ordered for this device: those that work here, labelled for the shopper.
 */
export function walletOptions(answer: StorePayTypes): WalletOption[] {
  return answer.pay_types
    .filter((payType) => payType.fits_device)
    .map((payType) => ({
      payType: payType.pay_type,
      label: payType.preauth ? `${payType.name} (pre-authorization)` : payType.name,
      hint: MODE_HINTS[payType.mode],
      mode: payType.mode,
    }));
}
