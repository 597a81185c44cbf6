/** The JSON of `GET /admin/qfpay/orders/:id` (see src/lib/order-payments.ts on the server). */
export interface QfpayRefundView {
  out_trade_no: string;
  syssn?: string;
  orig_syssn: string;
  amount: number;
  status: "succeeded" | "pending";
  requested_at: string;
  notified_at?: string;
}

export interface QfpayPaymentView {
  payment_id: string;
  wallet: string;
  wallet_name: string;
  pay_type: string;
  pay_type_description: string;
  syssn: string | null;
  out_trade_no: string;
  attempt: number;
  status: string;
  preauth: boolean;
  amount: number;
  currency_code: string;
  capture: { out_trade_no: string; syssn: string; amount: number; captured_at: string } | null;
  refunded: number;
  refunds: QfpayRefundView[];
  note: string | null;
}

export interface QfpayOrderView {
  order_id: string;
  display_id: number | null;
  payments: QfpayPaymentView[];
}

/** Minor units → "123.45 HKD" using the browser's knowledge of the currency's decimals. */
export function formatMinor(minor: number, currencyCode: string): string {
  const currency = currencyCode.toUpperCase();
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Unknown to this browser: two decimals.
  }
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
}

export async function fetchQfpayOrderView(orderId: string, signal: AbortSignal): Promise<QfpayOrderView> {
  const base = (import.meta as unknown as { env?: Record<string, string | undefined> }).env?.VITE_BACKEND_URL ?? "";
  const response = await fetch(`${base.replace(/\/$/, "")}/admin/qfpay/orders/${encodeURIComponent(orderId)}`, {
    credentials: "include",
    headers: { Accept: "application/json" },
    signal,
  });
  if (!response.ok) throw new Error(`QFPay details could not be loaded (HTTP ${response.status})`);
  return (await response.json()) as QfpayOrderView;
}
