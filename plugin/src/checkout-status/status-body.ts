import type { CheckoutStatus } from "@qfpay-medusa/shared";
import { checkoutStatusSchema, currencyExponent } from "@qfpay-medusa/shared";
import type { QfpaySessionData } from "../qfpay";
import { checkoutStatusOf } from "../qfpay";

/** The JSON body of `GET /qfpay/payment-sessions/:id` (and its twin under `/store`), checked against the shared contract. */
export function checkoutStatusBody(data: QfpaySessionData, now: Date): CheckoutStatus {
  let status = checkoutStatusOf(data.state);
  let message = data.state_message;
  if (status === "pending" && data.expires_at !== null && now.getTime() >= Date.parse(data.expires_at)) {
    status = "expired";
    message = "The code has expired; ask for a new one";
  }
  const payable = status === "pending" || status === "processing";
  return checkoutStatusSchema.parse({
    session_id: data.session_id,
    status,
    pay_type: data.pay_type,
    wallet: data.wallet,
    mode: data.mode,
    ...(payable && data.mode === "qr" && data.qrcode ? { qrcode: data.qrcode } : {}),
    ...(payable && data.mode === "redirect" && data.pay_url ? { pay_url: data.pay_url } : {}),
    ...(payable && data.mode === "jsapi" && data.pay_params ? { pay_params: data.pay_params } : {}),
    amount: data.amount,
    amount_exponent: currencyExponent(data.currency_code),
    currency_code: data.currency_code,
    expires_at: data.expires_at,
    server_time: now.toISOString(),
    ...(message && !payable ? { message } : {}),
  });
}
