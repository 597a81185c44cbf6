import { findPayType } from "@qfpay-medusa/shared";
import type { QfpaySessionData } from "../qfpay";
import { newSessionId, type ProviderHarness } from "./provider-harness";

/** WeChat Pay's QR code: the pay type of the core tests' orders. */
export const WECHAT_QR = findPayType("800201")!;

/** A new session's first QFPay order (WeChat Pay QR, HKD), opened through the harness's runtime. */
export function openOrder(h: ProviderHarness, amount: number): Promise<QfpaySessionData> {
  return h.runtime.payments.open({ sessionId: newSessionId(), attempt: 1, amount, currency: "HKD", payType: WECHAT_QR });
}

/** The same, paid at QFPay and on record as paid. */
export async function paidOrder(h: ProviderHarness, amount: number): Promise<QfpaySessionData> {
  const data = await openOrder(h, amount);
  h.sandbox.control.pay(data.out_trade_no);
  return h.runtime.payments.refreshCurrent(data.session_id, data);
}
