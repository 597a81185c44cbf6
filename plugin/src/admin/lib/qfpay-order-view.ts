import { formatAmount } from "@qfpay-medusa/shared/checkout";
import type { QfpayOrderView } from "../../admin-views/order-view";

/** QFPay minor units → "HK$123.45" in the admin's language, with the exponent the server gave (QFPay's, not the browser's). */
export function formatMinor(minor: number, exponent: number, currencyCode: string): string {
  return formatAmount(minor, exponent, currencyCode);
}

function backendUrl(path: string): string {
  const base = (import.meta as unknown as { env?: Record<string, string | undefined> }).env?.VITE_BACKEND_URL ?? "";
  return `${base.replace(/\/$/, "")}${path}`;
}

/** Refunds in full an orphaned QFPay order the reconciliation listed for an admin. */
export async function refundOrphan(outTradeNo: string): Promise<void> {
  const response = await fetch(backendUrl(`/admin/qfpay/transactions/${encodeURIComponent(outTradeNo)}/refund`), {
    method: "POST",
    credentials: "include",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `The refund was refused (HTTP ${response.status})`);
  }
}

export async function fetchQfpayOrderView(orderId: string, signal: AbortSignal): Promise<QfpayOrderView> {
  const response = await fetch(backendUrl(`/admin/qfpay/orders/${encodeURIComponent(orderId)}`), {
    credentials: "include",
    headers: { Accept: "application/json" },
    signal,
  });
  if (!response.ok) throw new Error(`QFPay details could not be loaded (HTTP ${response.status})`);
  return (await response.json()) as QfpayOrderView;
}
