import { sleep } from "../support/concurrency.js";
import type { PendingCheckout } from "../support/pending-checkouts.js";
import type { SandboxClient } from "../support/sandbox-client.js";
import { ShopperTabs } from "../support/shopper-tabs.js";

/** One request held as long as the plugin allows (25 s, MAX_WAIT_SECONDS), so a payment lands inside a hold. */
const LONG_POLL_SECONDS = 25;
/** A payment arriving this long after the last one is counted as not seen. */
const GIVE_UP_MS = 30_000;

/**
 * Each checkout gets a tab long-polling its status and is paid at a random moment of the 25 s hold; answers
 * how long after the payment each tab saw "succeeded" (Infinity: not within GIVE_UP_MS).
 */
export async function paidToSucceededMs(sandbox: SandboxClient, checkouts: readonly PendingCheckout[]): Promise<number[]> {
  const tabs = new ShopperTabs(checkouts, { intervalMs: 0, longPollSeconds: LONG_POLL_SECONDS });
  const paidAt = new Map<string, number>();
  try {
    await Promise.all(
      checkouts.map(async (checkout) => {
        await sleep(1_000 + Math.random() * LONG_POLL_SECONDS * 1000);
        paidAt.set(checkout.sessionId, Date.now());
        await sandbox.pay(checkout.outTradeNo);
      }),
    );
    const deadline = Date.now() + GIVE_UP_MS;
    while (Date.now() < deadline && checkouts.some((c) => tabs.seenAt(c.sessionId, "succeeded") === undefined)) await sleep(100);
    return checkouts.map((c) => (tabs.seenAt(c.sessionId, "succeeded") ?? Number.POSITIVE_INFINITY) - paidAt.get(c.sessionId)!);
  } finally {
    await tabs.close();
  }
}
