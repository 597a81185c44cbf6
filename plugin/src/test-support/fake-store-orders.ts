import type { SessionStanding, StoreOrders } from "../core/store-orders";

/** Medusa as the reconciliation and the notification intake see it, with each session's standing set by the test. */
export class FakeStoreOrders implements StoreOrders {
  readonly standings = new Map<string, SessionStanding>();
  readonly completed: string[] = [];
  readonly refundsRecorded: Array<{ paymentId: string; amount: number }> = [];
  completeFails: boolean;
  /** What Medusa's refund does with the provider (a test wires it to the plugin's refund). */
  onRefund: (paymentId: string, amount: number) => Promise<void> = async () => undefined;
  /** What happens while the reconciliation waits for the cart's lock (a completion holding it). */
  whileWaitingForCart: () => void = () => undefined;

  constructor({ completeFails = false }: { completeFails?: boolean } = {}) {
    this.completeFails = completeFails;
  }

  async standing(sessionId: string): Promise<SessionStanding> {
    return this.standings.get(sessionId) ?? { exists: false };
  }
  async complete(sessionId: string): Promise<void> {
    if (this.completeFails) throw new Error("cart locked");
    this.completed.push(sessionId);
  }
  async recordRefund(paymentId: string, amount: number): Promise<void> {
    await this.onRefund(paymentId, amount);
    this.refundsRecorded.push({ paymentId, amount });
  }
  async whileCartLocked<T>(_cartId: string, job: () => Promise<T>): Promise<T> {
    this.whileWaitingForCart();
    return job();
  }
}
