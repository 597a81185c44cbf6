import { currencyExponent, findPayType, WALLETS, type WalletId } from "@qfpay-medusa/shared";
import type { RecordedEvent, TransactionRecord } from "../core/ledger";
import type { OrderPaymentRow } from "../medusa/order-payments";
import { isQfpayProviderId } from "../providers/qfpay/provider-id";
import { readSessionData, refundedAmount, type QfpaySessionData, type QfpayState } from "../qfpay";
import type { QfpayEventView, QfpayPaymentView, QfpayPaymentViewStatus, QfpayTransactionView } from "./order-view";

/** How the admin names each state; only a frozen pre-authorization reads differently. */
const VIEW_STATUS: Readonly<Record<QfpayState, QfpayPaymentViewStatus>> = {
  pending: "pending",
  processing: "processing",
  paid: "paid",
  frozen: "authorized (frozen)",
  failed: "failed",
  expired: "expired",
  canceled: "canceled",
};

/** The QFPay payments among an order's payments, as the admin widget shows them. */
export function qfpayPaymentViews(payments: readonly OrderPaymentRow[]): QfpayPaymentView[] {
  return payments
    .filter((payment) => isQfpayProviderId(payment.provider_id))
    .flatMap((payment) => {
      let data: QfpaySessionData;
      try {
        data = readSessionData(payment.data);
      } catch {
        return [];
      }
      const payType = findPayType(data.pay_type);
      return [
        {
          payment_id: payment.id,
          provider_id: payment.provider_id,
          wallet: data.wallet,
          wallet_name: WALLETS[data.wallet as WalletId]?.name ?? data.wallet,
          pay_type: data.pay_type,
          pay_type_description: payType?.description ?? "",
          syssn: data.syssn ?? null,
          out_trade_no: data.out_trade_no,
          attempt: data.attempt,
          status: VIEW_STATUS[data.state],
          preauth: data.preauth,
          amount: data.amount,
          amount_exponent: currencyExponent(data.currency_code),
          currency_code: data.currency_code,
          capture: data.capture ?? null,
          refunded: refundedAmount(data),
          refunds: data.refunds,
          note: data.note ?? null,
        },
      ];
    });
}

/** The ledger's transactions of the order's sessions, as the admin widget lists them. */
export function qfpayTransactionViews(records: readonly TransactionRecord[]): QfpayTransactionView[] {
  return records.map((record) => ({
    out_trade_no: record.out_trade_no,
    kind: record.kind,
    attempt: record.attempt,
    state: record.state,
    amount: record.amount,
    amount_exponent: currencyExponent(record.currency_code),
    currency_code: record.currency_code,
    resolution: record.resolution,
    resolution_note: record.resolution_note,
    superseded: record.superseded,
    origin: record.origin,
    created_at: record.created_at.toISOString(),
  }));
}

export function qfpayEventViews(events: readonly RecordedEvent[]): QfpayEventView[] {
  return events.map((event) => ({ kind: event.kind, message: event.message, out_trade_no: event.out_trade_no, created_at: event.created_at.toISOString() }));
}
