import { isServer, type ReactiveController, type ReactiveControllerHost } from "lit";

export interface CountdownOptions {
  /** Called once per deadline when the time is up. */
  onExpire(): void;
  /** Called when the time left passes a moment worth announcing (see `crossesAnnouncement`), with the seconds left. */
  onCrossing?(seconds: number): void;
}

/** Remaining seconds at which the countdown is worth announcing to screen readers (besides whole minutes). */
const EXTRA_ANNOUNCE_AT_SECONDS = [30, 10] as const;

/**
 * True when the countdown, going from `previousSeconds` down to `seconds`, passed a moment worth
 * announcing: each whole minute, 30 s and 10 s. Keeps the live region from speaking every second.
 */
export function crossesAnnouncement(previousSeconds: number, seconds: number): boolean {
  if (seconds >= previousSeconds) return false;
  for (let s = previousSeconds - 1; s >= seconds; s--) {
    if (s > 0 && (s % 60 === 0 || (EXTRA_ANNOUNCE_AT_SECONDS as readonly number[]).includes(s))) return true;
  }
  return false;
}

/**
 * Counts down to a deadline given in the server's clock. The offset between the server's clock and
 * this device's is taken from the answer's `server_time`, so a wrong clock on the shopper's phone
 * does not shorten or stretch the time shown. Ticks on the second with chained timeouts.
 */
export class Countdown implements ReactiveController {
  #deadline: number | null = null;
  #expiresAt: string | null = null;
  #offset = 0;
  #total = 0;
  #expiredNotified = false;
  /** The seconds shown at the last tick of this deadline; null before its first. */
  #shownSeconds: number | null = null;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: CountdownOptions;

  constructor(host: ReactiveControllerHost, options: CountdownOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * Sets (or re-synchronises) the deadline from one server answer.
   * @param receivedAt this device's clock when the answer arrived (ms)
   */
  set(expiresAt: string | null, serverTime: string, receivedAt: number = Date.now()): void {
    const serverNow = Date.parse(serverTime);
    this.#offset = serverNow - receivedAt;
    if (expiresAt !== this.#expiresAt) {
      this.#expiresAt = expiresAt;
      this.#deadline = expiresAt === null ? null : Date.parse(expiresAt);
      this.#total = this.#deadline === null ? 0 : Math.max(1, this.#deadline - serverNow);
      this.#expiredNotified = false;
      this.#shownSeconds = null;
    }
    this.#tick();
  }

  clear(): void {
    this.#deadline = null;
    this.#expiresAt = null;
    this.#clearTimer();
  }

  /** Milliseconds left, or null when there is no deadline. */
  #remainingMs(): number | null {
    if (this.#deadline === null) return null;
    return Math.max(0, this.#deadline - (Date.now() + this.#offset));
  }

  /** Whole seconds left (rounded up, so "0" means the time is up). */
  get remainingSeconds(): number | null {
    const ms = this.#remainingMs();
    return ms === null ? null : Math.ceil(ms / 1000);
  }

  /** Length of the whole validity period in seconds, for the progress bar. */
  get totalSeconds(): number {
    return Math.ceil(this.#total / 1000);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#tick();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#clearTimer();
  }

  #tick(): void {
    this.#clearTimer();
    const remaining = this.#remainingMs();
    if (remaining === null || !this.#connected || isServer) return;
    this.#host.requestUpdate();
    this.#noteCrossing(Math.ceil(remaining / 1000));
    if (remaining <= 0) {
      if (!this.#expiredNotified) {
        this.#expiredNotified = true;
        this.#options.onExpire();
      }
      return;
    }
    // Wake at the next whole second of remaining time, so the display never skips a number.
    const untilNextSecond = remaining % 1000 || 1000;
    this.#timer = setTimeout(() => this.#tick(), untilNextSecond);
  }

  #noteCrossing(seconds: number): void {
    const previous = this.#shownSeconds;
    this.#shownSeconds = seconds;
    if (previous !== null && seconds > 0 && crossesAnnouncement(previous, seconds)) this.#options.onCrossing?.(seconds);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
