import type { QfpayOrderView } from "../../lib/admin-order-view";

/** QFPay minor units → "123.45 HKD", with the exponent the server gave (QFPay's, not the browser's). */
export function formatMinor(minor: number, exponent: number, currencyCode: string): string {
  return `${(minor / 10 ** exponent).toFixed(exponent)} ${currencyCode.toUpperCase()}`;
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
