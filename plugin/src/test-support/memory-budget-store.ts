import { waitFor, type BudgetGrant, type BudgetLimits, type BudgetStore } from "../core/request-budget";

/** One process: the counters in memory. */
export class MemoryBudgetStore implements BudgetStore {
  private readonly windows = new Map<string, { second: number; secondCount: number; minute: number; minuteCount: number; pausedUntil: number }>();

  async take(merchant: string, now: Date, limits: BudgetLimits): Promise<BudgetGrant> {
    const at = now.getTime();
    const second = Math.floor(at / 1000);
    const minute = Math.floor(at / 60_000);
    const window = this.windows.get(merchant) ?? { second, secondCount: 0, minute, minuteCount: 0, pausedUntil: 0 };
    // Windows never move back: a caller whose clock reads an older one counts in the current one.
    if (window.second < second) Object.assign(window, { second, secondCount: 0 });
    if (window.minute < minute) Object.assign(window, { minute, minuteCount: 0 });
    this.windows.set(merchant, window);
    const denied = waitFor(at, window, limits);
    if (denied > 0) return { granted: false, retryInMs: denied };
    window.secondCount++;
    window.minuteCount++;
    return { granted: true };
  }

  async pause(merchant: string, until: Date): Promise<void> {
    const at = until.getTime();
    const window = this.windows.get(merchant) ?? { second: 0, secondCount: 0, minute: 0, minuteCount: 0, pausedUntil: 0 };
    window.pausedUntil = Math.max(window.pausedUntil, at);
    this.windows.set(merchant, window);
  }
}
