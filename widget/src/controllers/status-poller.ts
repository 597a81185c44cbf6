import { isServer, type ReactiveController, type ReactiveControllerHost } from "lit";
import { CheckoutApiError } from "../api.js";
import { isFinalCheckoutStatus, type CheckoutStatus, type CheckoutStatusValue } from "@qfpay-medusa/shared/checkout";

export interface StatusPollerOptions {
  /**
   * Asks the server once; must honour the signal. `unless` is the open status last seen: the server may hold the
   * answer until the status is another one (a long poll).
   */
  fetchStatus(signal: AbortSignal, unless?: CheckoutStatusValue): Promise<CheckoutStatus>;
  /** Every answer that is not stale (arrived for the current run and before a final state). */
  onStatus(status: CheckoutStatus, receivedAt: number): void;
  /** An error retrying cannot fix (unknown session, refused key, unreadable answer). Polling stops. */
  onFatalError(error: CheckoutApiError): void;
  /** Called with true when a request failed transiently and a retry is scheduled, false once one succeeds. */
  onConnectionChange(reconnecting: boolean, error?: CheckoutApiError): void;
}

export interface PollTiming {
  /** First delay between polls, ms. */
  interval: number;
  /** Longest delay while the status has changed recently: a shopper who just paid sees it at once. */
  activeMaxInterval: number;
  /** Longest delay once nothing has changed for `patience` ms, and for retries after errors. */
  maxInterval: number;
  /** How long an unchanged status keeps the short delays, ms. */
  patience: number;
  /** Growth of the delay per unchanged answer. */
  backoff: number;
}

export const DEFAULT_POLL_TIMING: Readonly<PollTiming> = {
  interval: 2_000,
  activeMaxInterval: 2_000,
  maxInterval: 10_000,
  patience: 120_000,
  backoff: 1.25,
};

/** Delay before the next poll after `calmPolls` unchanged answers in a row, the status unchanged for `calmFor` ms. */
export function pollDelay(timing: PollTiming, calmPolls: number, calmFor: number): number {
  const cap = calmFor < timing.patience ? timing.activeMaxInterval : timing.maxInterval;
  return Math.min(Math.max(cap, timing.interval), timing.interval * timing.backoff ** calmPolls);
}

/** A request that took this long was held by the server (a long poll): the next one may follow at once. */
export const HELD_MS = 5_000;
/** The pause after a held answer, so a server that holds nothing is never asked in a tight loop. */
export const AFTER_HELD_MS = 250;

/** Delay before retrying after `failures` transient errors in a row (doubling, same cap). */
export function retryDelay(timing: PollTiming, failures: number): number {
  return Math.min(Math.max(timing.maxInterval, timing.interval), timing.interval * 2 ** Math.max(0, failures - 1));
}

/**
 * Polls the checkout status with chained timeouts (one request at a time, never setInterval).
 * While the code is open each request is a long poll (the server answers when the status changes, or after
 * `HOLD_SECONDS`), followed at once by the next. Against a server that answers at once it polls every 2 s
 * (from `interval` up to 2 s) while the code is fresh, backs off after two quiet minutes (10 s), pauses while the page is hidden and polls at once when it
 * is shown again, aborts the request in flight when the host leaves the DOM, ignores answers
 * from a superseded run or after a final status, and retries transient errors.
 */
export class StatusPoller implements ReactiveController {
  timing: PollTiming = { ...DEFAULT_POLL_TIMING };

  #running = false;
  #finished = false;
  #connected = false;
  #generation = 0;
  #calmPolls = 0;
  #calmSince = 0;
  #failures = 0;
  #lastStatus: CheckoutStatusValue | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: AbortController | undefined;
  #settled: Promise<void> = Promise.resolve();

  readonly #options: StatusPollerOptions;

  constructor(host: ReactiveControllerHost, options: StatusPollerOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Starts over: forgets the previous run and polls now. */
  start(): void {
    this.#reset();
    this.#running = true;
    this.pollNow();
  }

  /** Continues from a status obtained elsewhere (the refresh route): next poll after the first interval. */
  continueFrom(status: CheckoutStatus): void {
    this.#reset();
    this.#lastStatus = status.status;
    this.#finished = isFinalCheckoutStatus(status.status);
    this.#running = true;
    this.#schedule(this.timing.interval);
  }

  stop(): void {
    this.#reset();
  }

  /** Settles once the request in flight has been answered and handled (or dropped); at once when none is. */
  get settled(): Promise<void> {
    return this.#settled;
  }

  /** Polls immediately unless a request is already in flight or polling has ended. */
  pollNow(): void {
    if (!this.#running || this.#finished || !this.#connected || this.#inFlight) return;
    this.#clearTimer();
    this.#settled = this.#run();
  }

  hostConnected(): void {
    this.#connected = true;
    if (isServer) return;
    document.addEventListener("visibilitychange", this.#onVisibilityChange);
    window.addEventListener("pageshow", this.#onPageShow);
    this.pollNow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    if (isServer) return;
    document.removeEventListener("visibilitychange", this.#onVisibilityChange);
    window.removeEventListener("pageshow", this.#onPageShow);
    this.#clearTimer();
    this.#abortInFlight();
  }

  #reset(): void {
    this.#generation++;
    this.#running = false;
    this.#finished = false;
    this.#calmPolls = 0;
    this.#calmSince = Date.now();
    this.#failures = 0;
    this.#lastStatus = undefined;
    this.#clearTimer();
    this.#abortInFlight();
  }

  async #run(): Promise<void> {
    const generation = this.#generation;
    const controller = new AbortController();
    this.#inFlight = controller;
    let status: CheckoutStatus;
    // While the code is open the server may hold the answer until it changes.
    const last = this.#lastStatus;
    const unless = last !== undefined && !isFinalCheckoutStatus(last) ? last : undefined;
    const sentAt = Date.now();
    try {
      status = await this.#options.fetchStatus(controller.signal, unless);
    } catch (error) {
      if (this.#isStale(generation, controller)) return;
      this.#inFlight = undefined;
      this.#handleError(error);
      return;
    }
    if (this.#isStale(generation, controller)) return;
    this.#inFlight = undefined;
    this.#handleStatus(status, Date.now() - sentAt >= HELD_MS);
  }

  #isStale(generation: number, controller: AbortController): boolean {
    const stale = generation !== this.#generation || controller.signal.aborted || this.#finished;
    if (stale && this.#inFlight === controller) this.#inFlight = undefined;
    return stale;
  }

  #handleStatus(status: CheckoutStatus, held: boolean): void {
    if (this.#failures > 0) {
      this.#failures = 0;
      this.#options.onConnectionChange(false);
    }
    if (status.status === this.#lastStatus) {
      this.#calmPolls++;
    } else {
      this.#calmPolls = 0;
      this.#calmSince = Date.now();
    }
    this.#lastStatus = status.status;
    this.#finished = isFinalCheckoutStatus(status.status);
    this.#options.onStatus(status, Date.now());
    // After a held answer the server already waited for a change: ask again at once, leaving no gap a payment could fall in.
    if (!this.#finished) this.#schedule(held ? AFTER_HELD_MS : pollDelay(this.timing, this.#calmPolls, Date.now() - this.#calmSince));
  }

  #handleError(error: unknown): void {
    const apiError = error instanceof CheckoutApiError ? error : new CheckoutApiError("invalid_response", String(error), false);
    if (!apiError.transient) {
      this.#running = false;
      this.#options.onFatalError(apiError);
      return;
    }
    this.#failures++;
    this.#options.onConnectionChange(true, apiError);
    this.#schedule(retryDelay(this.timing, this.#failures));
  }

  #schedule(delay: number): void {
    this.#clearTimer();
    if (!this.#running || this.#finished || !this.#connected || isServer) return;
    // While hidden, nothing is scheduled: the visibility handler polls when the page is shown again.
    if (document.visibilityState === "hidden") return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#settled = this.#run();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #abortInFlight(): void {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
  }

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === "hidden") {
      this.#clearTimer();
      return;
    }
    // Back on the page (perhaps from the wallet app): look now and keep looking often.
    this.#calmPolls = 0;
    this.#calmSince = Date.now();
    this.pollNow();
  };

  /** Back from the wallet's page through the back/forward cache: look again at once. */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.pollNow();
  };
}
