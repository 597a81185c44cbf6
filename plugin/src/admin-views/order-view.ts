/**
 * The JSON of `GET /admin/qfpay/orders/:id`: what the admin widget shows of an order's QFPay payments.
 * Types only, with no imports: the route builds it on the server and the admin widget, bundled for the
 * browser, reads it.
 */

/** A payment's state as the admin reads it: a frozen pre-authorization is "authorized (frozen)". */
export type QfpayPaymentViewStatus = "pending" | "processing" | "paid" | "authorized (frozen)" | "failed" | "expired" | "canceled";

/** The deduction from a pre-authorization (`/trade/v1/authtrade`). Amounts are minor units. */
export interface QfpayCaptureView {
  out_trade_no: string;
  syssn: string;
  amount: number;
  captured_at: string;
}

export interface QfpayRefundView {
  out_trade_no: string;
  syssn?: string;
  orig_syssn: string;
  amount: number;
  status: "succeeded" | "pending";
  requested_at: string;
  notified_at?: string;
}

/** One QFPay payment: public ids and states only. */
export interface QfpayPaymentView {
  payment_id: string;
  provider_id: string;
  wallet: string;
  wallet_name: string;
  pay_type: string;
  pay_type_description: string;
  syssn: string | null;
  out_trade_no: string;
  attempt: number;
  status: QfpayPaymentViewStatus;
  preauth: boolean;
  /** Minor units of `currency_code`. */
  amount: number;
  /** Digits of QFPay's minor unit of `currency_code`. */
  amount_exponent: number;
  currency_code: string;
  capture: QfpayCaptureView | null;
  /** Minor units refunded so far, pending refunds included. */
  refunded: number;
  refunds: QfpayRefundView[];
  note: string | null;
}

/** One QFPay transaction on the plugin's ledger for the order's payment sessions (every attempt, refund, orphan). */
export interface QfpayTransactionView {
  out_trade_no: string;
  kind: "payment" | "capture" | "refund";
  attempt: number;
  state: string;
  amount: number;
  amount_exponent: number;
  currency_code: string;
  /** order, refunded, refunding, awaiting_refund (an orphan an admin must refund), recorded. */
  resolution: string | null;
  resolution_note: string | null;
  superseded: boolean;
  /** "qfpay" for a refund made in QFPay's portal or app. */
  origin: "store" | "qfpay";
  created_at: string;
}

/** What the reconciliation did or found, newest last. */
export interface QfpayEventView {
  kind: string;
  message: string;
  out_trade_no: string | null;
  created_at: string;
}

export interface QfpayOrderView {
  order_id: string;
  display_id: number | null;
  payments: QfpayPaymentView[];
  transactions: QfpayTransactionView[];
  events: QfpayEventView[];
}
