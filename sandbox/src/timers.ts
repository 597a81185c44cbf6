/**
 * Every timer the sandbox starts goes through one `TimerSet`, so `close()` can stop them all and leave
 * nothing behind that keeps a test process alive.
 */
export class TimerSet {
  /** Live timers, each with what to do if it is cancelled before it fires. */
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  /** Runs `task` after `ms` milliseconds unless cancelled or the set is cleared first. */
  after(ms: number, task: () => void, onCancel: () => void = () => {}): NodeJS.Timeout | undefined {
    if (this.closed) {
      onCancel();
      return undefined;
    }
    const handle = setTimeout(
      () => {
        this.pending.delete(handle);
        task();
      },
      Math.max(0, ms),
    );
    this.pending.set(handle, onCancel);
    return handle;
  }

  /** Resolves `true` after `ms`, or `false` at once when the set is cleared meanwhile. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.after(
        ms,
        () => resolve(true),
        () => resolve(false),
      );
    });
  }

  cancel(handle: NodeJS.Timeout | undefined): void {
    if (handle === undefined) return;
    const onCancel = this.pending.get(handle);
    if (onCancel === undefined) return;
    clearTimeout(handle);
    this.pending.delete(handle);
    onCancel();
  }

  get size(): number {
    return this.pending.size;
  }

  /** Stops every timer; later `after` calls do nothing. */
  clearAll(): void {
    this.closed = true;
    for (const handle of [...this.pending.keys()]) this.cancel(handle);
  }
}
