import type { FaultSettings, LedgerEntry, NotificationAttempt, TrafficReport } from "@qfpay-medusa/sandbox";

/** A one-shot race hook: when a request of `endpoint` for order `id` arrives, first (or after answering) do `action`. */
export type RaceHook = { endpoint: string; id: string; action: "pay" | "hold" | "fail" | "expire"; when?: "before" | "after" };

/** The sandbox's test controls over HTTP (`/__sandbox/...`): the sandbox runs in the global set-up's process. */
export class SandboxClient {
  constructor(readonly url: string) {}

  private async call<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/__sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as T & { message?: string };
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${json.message ?? ""}`);
    return json;
  }

  ledger(): Promise<LedgerEntry[]> {
    return this.call("GET", "/ledger");
  }

  notifications(): Promise<NotificationAttempt[]> {
    return this.call("GET", "/notifications");
  }

  pay(id: string): Promise<LedgerEntry> {
    return this.call("POST", "/pay", { id });
  }

  /** Pays an order although it was closed or expired (the wallet's approval crossed the close). */
  payLate(id: string): Promise<LedgerEntry> {
    return this.call("POST", "/pay-late", { id });
  }

  armHook(hook: RaceHook): Promise<unknown> {
    return this.call("POST", "/hooks", hook);
  }

  clearHooks(): Promise<unknown> {
    return this.call("DELETE", "/hooks");
  }

  pauseNotifications(): Promise<unknown> {
    return this.call("POST", "/notifications/pause");
  }

  resumeNotifications(): Promise<{ sent: number }> {
    return this.call("POST", "/notifications/resume");
  }

  notificationsEnabled(enabled: boolean): Promise<{ enabled: boolean }> {
    return this.call("POST", "/notifications/enabled", { enabled });
  }

  traffic(): Promise<TrafficReport> {
    return this.call("GET", "/traffic");
  }

  resetTraffic(): Promise<unknown> {
    return this.call("POST", "/traffic/reset");
  }

  expire(id: string): Promise<LedgerEntry> {
    return this.call("POST", "/expire", { id });
  }

  setFaults(settings: Partial<FaultSettings>): Promise<FaultSettings> {
    return this.call("POST", "/faults", settings);
  }

  clearFaults(): Promise<FaultSettings> {
    return this.call("DELETE", "/faults");
  }

  /** Ledger entries of one payment's `out_trade_no` family: the payment and what acted on it. */
  async entriesFor(paymentSyssn: string): Promise<LedgerEntry[]> {
    const ledger = await this.ledger();
    return ledger.filter((e) => e.syssn === paymentSyssn || e.origSyssn === paymentSyssn);
  }
}

/**
 * Pays on the wallet page a QR code or pay_url opens, the way a person does: open the page,
 * press "Pay". Answers where the page sends the payer next (the return_url for web pages).
 */
export async function payOnWalletPage(walletPageUrl: string): Promise<string | null> {
  const page = await fetch(walletPageUrl);
  if (!page.ok) throw new Error(`Wallet page ${walletPageUrl} answered ${page.status}`);
  const html = await page.text();
  if (!html.includes(`/pay"`)) throw new Error(`Wallet page ${walletPageUrl} offers no Pay button`);
  const paid = await fetch(`${walletPageUrl}/pay`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "action=pay",
    redirect: "manual",
  });
  if (paid.status >= 400) throw new Error(`Paying on ${walletPageUrl} answered ${paid.status}`);
  return paid.headers.get("location");
}
