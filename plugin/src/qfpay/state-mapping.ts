import type { CheckoutStatusValue } from "@qfpay-medusa/shared";

/**
 * Where a QFPay order stands, as the provider records it: `pending` (code shown, nothing paid),
 * `processing` (QFPay answers 1143/1145), `paid` (money taken; for a pre-authorization, after authtrade),
 * `frozen` (pre-authorization holding funds), and the final `failed`, `expired`, `canceled`.
 */
export const QFPAY_STATES = ["pending", "processing", "paid", "frozen", "failed", "expired", "canceled"] as const;
export type QfpayState = (typeof QFPAY_STATES)[number];

interface StateRow {
  /** What the store route reports to `<qfpay-checkout>`. */
  checkout: CheckoutStatusValue;
  /** Nothing more will happen to this QFPay order. */
  final: boolean;
}

/** QFPay state → checkout status, and whether it is final. Medusa's session status of each state is the provider's (session-status.ts). */
export const STATE_TABLE: Readonly<Record<QfpayState, StateRow>> = {
  pending: { checkout: "pending", final: false },
  processing: { checkout: "processing", final: false },
  paid: { checkout: "succeeded", final: true },
  frozen: { checkout: "succeeded", final: false },
  failed: { checkout: "failed", final: true },
  expired: { checkout: "expired", final: true },
  canceled: { checkout: "canceled", final: true },
};

export function checkoutStatusOf(state: QfpayState): CheckoutStatusValue {
  return STATE_TABLE[state].checkout;
}

/** Money was taken or is held: the order cannot simply be closed. */
export function holdsMoney(state: QfpayState): boolean {
  return state === "paid" || state === "frozen";
}
