import type { ReactiveController, ReactiveControllerHost } from "lit";
import { isFinalCheckoutStatus, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import { asApiError, fetchCheckoutStatus, refreshCheckoutStatus, type CheckoutApiError, type CheckoutEndpoint } from "../api.js";
import { findConfigError } from "../config.js";
import { qfpayEvent, type QfpayEventDetails, type QfpayEventName } from "../events.js";
import en from "../i18n/en.js";
import type { ErrorCode } from "../i18n/messages.js";
import { Countdown } from "./countdown.js";
import { DEFAULT_POLL_TIMING, StatusPoller } from "./status-poller.js";

/**
 * What to follow. `sessionId` null means no session yet (the drop-in is choosing one), "" a missing attribute.
 */
export type FollowArgs = readonly [backendUrl: string, publishableKey: string, sessionId: string | null];

/** What the element shows of the followed session (a flag left out is false); replaced as a whole on every change. */
export interface CheckoutState {
  /** The last status the server gave. */
  readonly checkout?: CheckoutStatus | undefined;
  /** Why following stopped: a bad attribute, or an answer retrying cannot fix. */
  readonly error?: ErrorCode | undefined;
  /** The last request failed for a reason that may pass; the next try is scheduled. */
  readonly reconnecting?: boolean;
  /** The countdown reached the code's expiry (by the server's clock) before an answer said so. */
  readonly codeExpired?: boolean;
  /** A new code is being asked for. */
  readonly refreshing?: boolean;
  /** Why the last new code was refused; the session is still followed. */
  readonly refreshError?: ErrorCode | undefined;
}

export interface CheckoutStatusOptions {
  /** What to follow, read on every host update (like @lit/task's `args`): a change starts over. */
  args(): FollowArgs;
  /** First delay between polls in ms (the `poll-interval` attribute), read on every host update. */
  pollInterval(): number;
  /** Every answer applied; `changed` when its status is not the one before (the first answer's is). */
  onStatus?(checkout: CheckoutStatus, changed: boolean): void;
  /** The countdown reached the code's expiry. */
  onCodeExpired?(): void;
  /** The time left passed a moment worth saying (whole minutes, 30 s, 10 s). */
  onTimeLeft?(seconds: number): void;
  /** Following stopped (see `CheckoutState.error`). Answer true to deal with it yourself: no error state, no event. */
  onError?(code: ErrorCode): boolean;
}

const MIN_POLL_INTERVAL_MS = 500;

const INITIAL: CheckoutState = {};

/**
 * Follows one payment session's status, modelled on @lit/task: it owns its inputs (`args`, checked on every host
 * update, so nothing is set on the host while it updates), its state and the countdown, asks the host to update when
 * they change, and gives a promise to await (`taskComplete`). The polling itself is the StatusPoller's; it reports
 * the session's events (qfpay-status, -succeeded, -failed, -expired, -error) on the host.
 */
export class CheckoutStatusController implements ReactiveController {
  readonly countdown: Countdown;

  #state = INITIAL;
  #args: FollowArgs | undefined;
  #endpoint: CheckoutEndpoint = { backendUrl: "", publishableKey: "", sessionId: "" };
  #expiryReported = false;
  #refreshAbort: AbortController | undefined;
  #refreshed: Promise<void> = Promise.resolve();

  readonly #poller: StatusPoller;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: CheckoutStatusOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CheckoutStatusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#poller = new StatusPoller(host, {
      fetchStatus: (signal, unless) => fetchCheckoutStatus(this.#endpoint, signal, unless),
      onStatus: (status, receivedAt) => this.#apply(status, receivedAt),
      onFatalError: (error) => this.#fail(error.code, error),
      onConnectionChange: (reconnecting, error) => {
        this.#set({ reconnecting });
        if (reconnecting && error) this.#emit("qfpay-error", { code: error.code, message: error.message, transient: true });
      },
    });
    this.countdown = new Countdown(host, {
      onExpire: () => this.#onCodeExpired(),
      onCrossing: (seconds) => options.onTimeLeft?.(seconds),
    });
  }

  get state(): CheckoutState {
    return this.#state;
  }

  /**
   * Resolves with the last status once the request in flight (a poll or a new code) has been answered and applied;
   * at once when none is in flight.
   */
  get taskComplete(): Promise<CheckoutStatus | undefined> {
    return Promise.all([this.#poller.settled, this.#refreshed]).then(() => this.#state.checkout);
  }

  hostUpdate(): void {
    const interval = this.#options.pollInterval();
    this.#poller.timing.interval = Number.isFinite(interval) ? Math.max(MIN_POLL_INTERVAL_MS, interval) : DEFAULT_POLL_TIMING.interval;
    const args = this.#options.args();
    if (this.#args?.every((value, index) => value === args[index])) return;
    this.#args = args;
    this.#follow(args);
  }

  hostDisconnected(): void {
    this.#refreshAbort?.abort();
  }

  /** Asks the server for a fresh code (after expiry, failure or cancel) and follows it. */
  refresh(): Promise<void> {
    if (this.#state.refreshing || findConfigError(this.#endpoint) !== null) return this.#refreshed;
    return (this.#refreshed = this.#refresh());
  }

  /** Asks the server now, unless a request is already on its way or following has ended. */
  pollNow(): void {
    this.#poller.pollNow();
  }

  #follow([backendUrl, publishableKey, sessionId]: FollowArgs): void {
    this.#refreshAbort?.abort();
    this.#poller.stop();
    this.countdown.clear();
    this.#expiryReported = false;
    this.#state = INITIAL;
    this.#endpoint = { backendUrl, publishableKey, sessionId: sessionId ?? "" };
    const problem = findConfigError({ ...this.#endpoint, sessionId });
    if (problem !== null) this.#fail(problem);
    else if (sessionId !== null) this.#poller.start();
  }

  async #refresh(): Promise<void> {
    this.#set({ refreshing: true, refreshError: undefined });
    this.#poller.stop();
    const controller = new AbortController();
    this.#refreshAbort = controller;
    try {
      const status = await refreshCheckoutStatus(this.#endpoint, controller.signal);
      if (controller.signal.aborted) return;
      this.#expiryReported = false;
      this.#set({ codeExpired: false });
      this.#apply(status, Date.now());
      this.#poller.continueFrom(status);
    } catch (error) {
      if (controller.signal.aborted) return;
      const apiError = asApiError(error);
      if (apiError.code === "session_not_found" || apiError.code === "unauthorized") return this.#fail(apiError.code, apiError);
      // Refused or unreachable: say so, and keep following the session (it may have been paid meanwhile).
      this.#set({ refreshError: apiError.code });
      this.#emit("qfpay-error", { code: apiError.code, message: apiError.message, transient: apiError.transient });
      this.#poller.start();
    } finally {
      if (this.#refreshAbort === controller) this.#refreshAbort = undefined;
      this.#set({ refreshing: false });
    }
  }

  #apply(status: CheckoutStatus, receivedAt: number): void {
    const previous = this.#state.checkout;
    // Final answers leave the code out: only a different code or expiry makes a new one.
    const code = status.qrcode ?? status.pay_url;
    const newCode =
      previous === undefined || previous.expires_at !== status.expires_at || (code !== undefined && code !== (previous.qrcode ?? previous.pay_url));
    if (newCode) this.#expiryReported = false;
    this.#set({ checkout: status, error: undefined, reconnecting: false, ...(newCode && { codeExpired: false }) });
    if (isFinalCheckoutStatus(status.status)) this.countdown.clear();
    else this.countdown.set(status.expires_at, status.server_time, receivedAt);
    const changed = previous?.status !== status.status;
    if (changed) this.#report(status, previous?.status ?? null);
    this.#options.onStatus?.(status, changed);
  }

  #report(status: CheckoutStatus, previous: CheckoutStatus["status"] | null): void {
    const sessionId = status.session_id;
    this.#emit("qfpay-status", { status: status.status, previous, checkout: status });
    if (status.status === "succeeded") this.#emit("qfpay-succeeded", { sessionId, checkout: status });
    else if (status.status === "failed" || status.status === "canceled") {
      this.#emit("qfpay-failed", { sessionId, status: status.status, message: status.message, checkout: status });
    } else if (status.status === "expired") this.#reportExpiry(status);
  }

  #reportExpiry(status: CheckoutStatus): void {
    if (this.#expiryReported) return;
    this.#expiryReported = true;
    this.#emit("qfpay-expired", { sessionId: status.session_id, expiresAt: status.expires_at });
  }

  #onCodeExpired(): void {
    const checkout = this.#state.checkout;
    if (checkout === undefined || isFinalCheckoutStatus(checkout.status)) return;
    this.#set({ codeExpired: true });
    this.#options.onCodeExpired?.();
    this.#reportExpiry(checkout);
    // One last look: a payment made in the final second still counts.
    this.#poller.pollNow();
  }

  #fail(code: ErrorCode, error?: CheckoutApiError): void {
    if (this.#options.onError?.(code) === true) return;
    this.countdown.clear();
    this.#set({ error: code, reconnecting: false });
    this.#emit("qfpay-error", { code, message: error?.message ?? en.errors[code], transient: false });
  }

  #set(change: Partial<CheckoutState>): void {
    this.#state = { ...this.#state, ...change };
    this.#host.requestUpdate();
  }

  #emit<K extends QfpayEventName>(name: K, detail: QfpayEventDetails[K]): void {
    this.#host.dispatchEvent(qfpayEvent(name, detail));
  }
}
