/**
 * Status requests held open until their session's record changes (long polling). A change made in this
 * process wakes its waiters at once; changes made by other instances are found by one small query per
 * `pollMs` while anybody waits.
 */
export class SessionWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private since = new Date();

  constructor(
    private readonly changedSince: (since: Date, sessionIds: string[]) => Promise<string[]>,
    private readonly pollMs = 250,
  ) {}

  /** Resolves when the session changes, the time is up or the signal aborts, whichever comes first. */
  wait(sessionId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timeout);
        signal?.removeEventListener("abort", done);
        this.waiting.get(sessionId)?.delete(done);
        if (this.waiting.get(sessionId)?.size === 0) this.waiting.delete(sessionId);
        resolve();
      };
      const timeout = setTimeout(done, timeoutMs);
      signal?.addEventListener("abort", done, { once: true });
      let set = this.waiting.get(sessionId);
      if (!set) this.waiting.set(sessionId, (set = new Set()));
      set.add(done);
      this.schedule();
    });
  }

  wake(sessionId: string): void {
    for (const done of [...(this.waiting.get(sessionId) ?? [])]) done();
  }

  private schedule(): void {
    if (this.timer || this.waiting.size === 0) return;
    // Nobody waited until now: changes before this moment are no news to the new waiters.
    if (!this.polling) this.since = new Date();
    this.polling = true;
    this.timer = setTimeout(() => void this.poll(), this.pollMs);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (this.waiting.size === 0) {
      this.polling = false;
      return;
    }
    const from = this.since;
    this.since = new Date();
    try {
      for (const sessionId of await this.changedSince(new Date(from.getTime() - 50), [...this.waiting.keys()])) this.wake(sessionId);
    } catch {
      // The next poll tries again; a waiter times out at worst.
    }
    this.schedule();
  }
}
