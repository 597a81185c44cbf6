import type { PaymentSessionStatus } from "@medusajs/framework/types";
import type { QfpayState } from "../../qfpay";

/**
 * What authorizePayment and getPaymentStatus report for each QFPay state. An auto-capture wallet that is paid is
 * `captured` (Medusa records payment and capture); a frozen pre-authorization is `authorized` until authtrade.
 */
const SESSION_STATUS: Readonly<Record<QfpayState, PaymentSessionStatus>> = {
  pending: "pending",
  processing: "pending",
  paid: "captured",
  frozen: "authorized",
  failed: "error",
  expired: "canceled",
  canceled: "canceled",
};

export function sessionStatusOf(state: QfpayState): PaymentSessionStatus {
  return SESSION_STATUS[state];
}
