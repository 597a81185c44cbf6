import { findPayType, WALLETS, type WalletId } from "@qfpay-medusa/shared";
import { isQfpayProviderId } from "./configured-providers";
import { readSessionData, refundedAmount, type QfpaySessionData } from "../providers/qfpay/session-data";
import { checkoutStatusOf } from "../providers/qfpay/state-mapping";

/** A payment of an order as Medusa's query graph returns it. */
export interface OrderPaymentRow {
  id: string;
  provider_id: string;
  data?: Record<string, unknown> | null;
}

/** What the admin widget shows of one QFPay payment: public ids and states only. */
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
  status: string;
  preauth: boolean;
  /** Minor units. */
  amount: number;
  currency_code: string;
  capture: QfpaySessionData["capture"] | null;
  refunded: number;
  refunds: QfpaySessionData["refunds"];
  note: string | null;
}

export interface QfpayOrderView {
  order_id: string;
  display_id: number | null;
  payments: QfpayPaymentView[];
}

/** The QFPay payments among an order's payments, as the admin widget shows them. */
export function qfpayPaymentViews(payments: readonly OrderPaymentRow[]): QfpayPaymentView[] {
  return payments.filter((payment) => isQfpayProviderId(payment.provider_id)).flatMap((payment) => {
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
        status: checkoutStatusOf(data.state) === "succeeded" ? (data.state === "frozen" ? "authorized (frozen)" : "paid") : data.state,
        preauth: data.preauth,
        amount: data.amount,
        currency_code: data.currency_code,
        capture: data.capture ?? null,
        refunded: refundedAmount(data),
        refunds: data.refunds,
        note: data.note ?? null,
      },
    ];
  });
}
