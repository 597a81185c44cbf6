import type { QfpayOrderView } from "../../lib/admin-order-view";

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
