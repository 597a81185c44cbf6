import type { CheckoutStatusValue } from "@qfpay-medusa/shared";

/**
 * Where a QFPay order stands, as the provider records it: `pending` (code shown, nothing paid),
 * `processing` (QFPay answers 1143/1145), `paid` (money taken; for a pre-authorization, after authtrade),
 * `frozen` (pre-authorization holding funds), and the final `failed`, `expired`, `canceled`.
 */
export const QFPAY_STATES = ["pending", "processing", "paid", "frozen", "failed", "expired", "canceled"] as const;
export type QfpayState = (typeof QFPAY_STATES)[number];

/** Medusa's payment-session statuses (the values of PaymentSessionStatus). */
export type MedusaSessionStatus =
  | "pending"
  | "authorized"
  | "captured"
  | "requires_more"
  | "error"
  | "canceled"
  | "pending_authorization";

interface StateRow {
  /** What authorizePayment / getPaymentStatus report. */
  medusa: MedusaSessionStatus;
  /** What the store route reports to `<qfpay-checkout>`. */
  checkout: CheckoutStatusValue;
  /** Nothing more will happen to this QFPay order. */
  final: boolean;
}

/**
 * QFPay state → Medusa and checkout status. An auto-capture wallet that is paid is `captured`
 * (Medusa records payment and capture); a frozen pre-authorization is `authorized` until authtrade.
 */
export const STATE_TABLE: Readonly<Record<QfpayState, StateRow>> = {
  pending: { medusa: "pending", checkout: "pending", final: false },
  processing: { medusa: "pending", checkout: "processing", final: false },
  paid: { medusa: "captured", checkout: "succeeded", final: true },
  frozen: { medusa: "authorized", checkout: "succeeded", final: false },
  failed: { medusa: "error", checkout: "failed", final: true },
  expired: { medusa: "canceled", checkout: "expired", final: true },
  canceled: { medusa: "canceled", checkout: "canceled", final: true },
};

export function medusaStatusOf(state: QfpayState): MedusaSessionStatus {
  return STATE_TABLE[state].medusa;
}

export function checkoutStatusOf(state: QfpayState): CheckoutStatusValue {
  return STATE_TABLE[state].checkout;
}

/** Money was taken or is held: the order cannot simply be closed. */
export function holdsMoney(state: QfpayState): boolean {
  return state === "paid" || state === "frozen";
}

/** Medusa session statuses after which the session has its payment: the money is taken or held. */
const PAID_SESSION_STATUSES: ReadonlySet<string> = new Set<MedusaSessionStatus>(["authorized", "captured"]);

export function isPaidSessionStatus(status: string): boolean {
  return PAID_SESSION_STATUSES.has(status);
}
