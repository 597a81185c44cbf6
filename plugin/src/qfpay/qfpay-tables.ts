import type { WalletId } from "@qfpay-medusa/shared";

/**
 * How an unpaid order is withdrawn. The reference: WeChat and most wallets `/trade/v1/close`,
 * Alipay `/trade/v1/reversal`. A frozen pre-authorization is always unfrozen through `reversal`.
 */
export const UNPAID_CANCEL_ENDPOINT: Readonly<Partial<Record<WalletId, "close" | "reversal">>> = {
  alipay: "reversal",
  alipay_hk: "reversal",
};
export const DEFAULT_UNPAID_CANCEL_ENDPOINT = "close" as const;
export const UNFREEZE_ENDPOINT = "reversal" as const;

export function unpaidCancelEndpoint(wallet: string): "close" | "reversal" {
  return UNPAID_CANCEL_ENDPOINT[wallet as WalletId] ?? DEFAULT_UNPAID_CANCEL_ENDPOINT;
}

/** QFPay refusals of a refund, in words an admin can act on. */
export const REFUND_REFUSALS: Readonly<Record<string, string>> = {
  "1155": "QFPay refused the refund request. Check the payment in the QFPay merchant portal.",
  "1265": "QFPay does not process refunds between 23:30 and 00:30 (or for payments made under special promotions). Try again after 00:30.",
  "1269":
    "QFPay cannot refund now: today's unsettled takings are less than the refund. Try again once more sales have come in, or refund from the QFPay merchant portal.",
  "1270": "This currency does not allow partial refunds at QFPay. Refund the full remaining amount instead.",
  "1271": "This payment's wallet does not allow partial refunds. Refund the full remaining amount instead.",
  "1272": "The refund is more than QFPay still holds for this payment (the amount already refunded counts).",
  "1125": "QFPay says this payment has already been refunded.",
  "1262": "QFPay says this payment has already been refunded.",
};

/** Final answers of QFPay about an order that will never be paid, by return code. */
export const ORDER_END_BY_RESPCD: Readonly<Record<string, "expired" | "canceled">> = {
  "1181": "expired",
  "1142": "canceled",
  "1263": "canceled",
  "1264": "canceled",
};

/** Answers to close/reversal that mean the order has already ended (expired or withdrawn): the cancel has nothing left to do. */
export const ALREADY_WITHDRAWN_RESPCDS: ReadonlySet<string> = new Set(Object.keys(ORDER_END_BY_RESPCD));

/** Answers to close/reversal/refund that mean the money moved in the meantime: look again before deciding. */
export const ALREADY_PAID_RESPCDS: ReadonlySet<string> = new Set(["1260"]);

/** Answers to a repeated out_trade_no: the request was already taken, find its result by query. */
export const DUPLICATE_REQUEST_RESPCDS: ReadonlySet<string> = new Set(["1102", "2011"]);
