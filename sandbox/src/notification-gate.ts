import type { HeldNotification, NotificationState } from "./types.js";

/** A notification attempt that is due, and how to make it. */
export interface DueAttempt extends HeldNotification {
  send(): Promise<void>;
}

/**
 * Between the notifier and the network: while paused, due attempts queue up in order; disabled, they are
 * dropped (QFPay without a notify URL sends nothing). A queue being drained keeps later attempts behind it,
 * so the order holds across a resume.
 */
export class NotificationGate {
  private enabled = true;
  private paused = false;
  private draining = false;
  private queue: DueAttempt[] = [];

  /** Sends `due` now, or queues or drops it. */
  pass(due: DueAttempt): void {
    if (!this.enabled) return;
    if (this.paused || this.draining) this.queue.push(due);
    else void due.send();
  }

  pause(): void {
    this.paused = true;
  }

  /** Sends every queued attempt, one after the other; resolves with how many. */
  async resume(): Promise<number> {
    this.paused = false;
    if (this.draining) return 0;
    this.draining = true;
    let sent = 0;
    try {
      while (!this.paused && this.queue.length > 0) {
        await this.queue.shift()!.send();
        sent += 1;
      }
    } finally {
      this.draining = false;
    }
    return sent;
  }

  /** Sends the queued attempts of one order (syssn or out_trade_no) now, in order. */
  async release(id: string): Promise<number> {
    const released = this.queue.filter((due) => due.syssn === id || due.outTradeNo === id);
    this.queue = this.queue.filter((due) => !released.includes(due));
    for (const due of released) await due.send();
    return released.length;
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.queue = [];
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  state(): NotificationState {
    return {
      enabled: this.enabled,
      paused: this.paused,
      held: this.queue.map(({ notificationId, attempt, notifyType, syssn, outTradeNo }) => ({ notificationId, attempt, notifyType, syssn, outTradeNo })),
    };
  }
}
