import { findPayType, WALLETS, type WalletId } from "@qfpay-medusa/shared";
import { isQfpayProviderId } from "./configured-providers";
import { readSessionData, refundedAmount, type QfpaySessionData } from "../providers/qfpay/session-data";
import { checkoutStatusOf } from "../providers/qfpay/state-mapping";

/** Medusa's query graph, as far as reading an order's payments goes. */
export interface QueryGraphLike {
  graph(config: { entity: string; fields: string[]; filters: Record<string, unknown> }): Promise<{ data: unknown[] }>;
}

/** An order with its payments, from the query graph. */
export interface OrderPayments {
  id: string;
  display_id: number | null;
  payments: OrderPaymentRow[];
}

/** An order's id, display id and payments (of every payment collection); undefined when there is no such order. */
export async function loadOrderPayments(query: QueryGraphLike, orderId: string): Promise<OrderPayments | undefined> {
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data"],
    filters: { id: orderId },
  });
  const order = data[0] as
    | { id: string; display_id?: number | null; payment_collections?: Array<{ payments?: OrderPaymentRow[] | null } | null> | null }
    | undefined;
  if (!order) return undefined;
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    payments: (order.payment_collections ?? []).flatMap((collection) => collection?.payments ?? []),
  };
}

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
