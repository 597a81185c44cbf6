/**
 * The merchant's QFPay request budget, shared by every Medusa instance: QFPay allows 100 requests/s and
 * 400/min per merchant and answers 429 beyond. Payments and refunds may use the whole budget, the status sync
 * part of it, reconciliation less, so shoppers and admins are served first. A 429 pauses everything for the
 * merchant. Short budget means later, never lost: a sync or reconciliation beat that gets no slot just waits.
 */
export type RequestPriority = "money" | "sync" | "reconcile";

export interface BudgetLimits {
  perSecond: number;
  perMinute: number;
}

export type BudgetGrant = { granted: true } | { granted: false; retryInMs: number };

/** Counts requests per merchant in fixed one-second and one-minute windows, atomically across instances. */
export interface BudgetStore {
  take(merchant: string, now: Date, limits: BudgetLimits): Promise<BudgetGrant>;
  /** No request for this merchant before `until` (after a 429). */
  pause(merchant: string, until: Date): Promise<void>;
}

/** Each priority's share of the configured limits. */
export const PRIORITY_SHARES: Readonly<Record<RequestPriority, number>> = { money: 1, sync: 0.7, reconcile: 0.4 };

/** How long a caller of each priority waits for a slot before giving up for now. */
export const PRIORITY_MAX_WAIT_MS: Readonly<Record<RequestPriority, number>> = { money: 4000, sync: 0, reconcile: 0 };

/** Without a Retry-After, a 429 pauses the merchant this long. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 5000;

export class BudgetExhaustedError extends Error {
  override readonly name = "BudgetExhaustedError";
  constructor(
    readonly priority: RequestPriority,
    readonly retryInMs: number,
  ) {
    super(
      `The QFPay request budget of this merchant is used up for the moment (${priority} requests); try again in ${Math.max(1, Math.ceil(retryInMs / 1000))} s`,
    );
  }
}

export interface RequestBudgetOptions {
  merchant: string;
  limits: BudgetLimits;
  store: BudgetStore;
  logger?: { warn(message: string): void } | undefined;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export class RequestBudget {
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RequestBudgetOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get merchant(): string {
    return this.options.merchant;
  }

  /** Takes one request slot; waits up to the priority's limit, then throws `BudgetExhaustedError`. */
  async acquire(priority: RequestPriority): Promise<void> {
    const limits = limitsFor(this.options.limits, priority);
    const deadline = this.now().getTime() + PRIORITY_MAX_WAIT_MS[priority];
    for (;;) {
      const grant = await this.options.store.take(this.options.merchant, this.now(), limits);
      if (grant.granted) return;
      const left = deadline - this.now().getTime();
      if (left <= 0) throw new BudgetExhaustedError(priority, grant.retryInMs);
      await this.sleep(Math.min(grant.retryInMs, left));
    }
  }

  /** QFPay answered 429: nothing more for this merchant until Retry-After (or a default pause) has passed. */
  async rateLimited(retryAfterSeconds: number | undefined): Promise<void> {
    const pauseMs = retryAfterSeconds !== undefined ? Math.max(1000, retryAfterSeconds * 1000) : DEFAULT_RATE_LIMIT_PAUSE_MS;
    await this.options.store.pause(this.options.merchant, new Date(this.now().getTime() + pauseMs));
    this.options.logger?.warn(`QFPay answered 429 (rate limit) for merchant ${this.options.merchant}: requests paused for ${pauseMs / 1000} s`);
  }
}

export function limitsFor(limits: BudgetLimits, priority: RequestPriority): BudgetLimits {
  const share = PRIORITY_SHARES[priority];
  return {
    perSecond: Math.max(1, Math.floor(limits.perSecond * share + 1e-9)),
    perMinute: Math.max(1, Math.floor(limits.perMinute * share + 1e-9)),
  };
}
/** Milliseconds until a slot can be granted in these windows; 0 when one is free now. */
export function waitFor(at: number, window: { secondCount: number; minuteCount: number; pausedUntil: number; minute: number }, limits: BudgetLimits): number {
  if (window.pausedUntil > at) return window.pausedUntil - at;
  if (window.minuteCount >= limits.perMinute) return (window.minute + 1) * 60_000 - at;
  if (window.secondCount >= limits.perSecond) return 1000 - (at % 1000);
  return 0;
}
