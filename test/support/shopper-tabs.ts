import { setMaxListeners } from "node:events";
import { checkoutStatusUrl } from "./checkout.js";
import type { StackInfo } from "./stack-info.js";

/** What a tab polls: a payment session on one instance. */
export type Watched = { sessionId: string; info: StackInfo };

export type TabOptions = {
  /** Pause after each answer before the next request (chained, as the widget does). */
  intervalMs: number;
  /** Long poll: `?wait=<s>&unless=pending`, answered when the status changes or the time is up. */
  longPollSeconds?: number;
  /** The tabs open at random moments within this long; default `intervalMs`. */
  openWithinMs?: number;
};

type Answer = { status: string; at: number };

const ERROR_BACKOFF_MS = 1_000;

/** How long the widget asks the plugin to hold a poll (HOLD_SECONDS in widget/src/api.ts). */
export const WIDGET_HOLD_SECONDS = 20;

/**
 * Browser tabs polling the plugin's status route as the widget does (the first look through the store API with
 * the publishable key, the polls after it outside /store without), one loop per session, each starting at a
 * random moment of the first interval so that they share no beat. Notes every answer's latency and when each session was first
 * seen in each status; stops polling a session once it is no longer pending.
 */
export class ShopperTabs {
  readonly latenciesMs: number[] = [];
  readonly errors: string[] = [];
  private readonly firstSeen = new Map<string, Map<string, number>>();
  private readonly loops: Promise<void>[];
  private readonly stopped = new AbortController();

  constructor(
    watched: readonly Watched[],
    private readonly options: TabOptions,
  ) {
    setMaxListeners(0, this.stopped.signal); // every tab's request in flight listens to it
    this.loops = watched.map((tab) => this.run(tab));
  }

  get polls(): number {
    return this.latenciesMs.length;
  }

  /** When the tab of `sessionId` first saw `status` (ms since the epoch). */
  seenAt(sessionId: string, status: string): number | undefined {
    return this.firstSeen.get(sessionId)?.get(status);
  }

  async close(): Promise<void> {
    this.stopped.abort();
    await Promise.all(this.loops);
  }

  private async run(tab: Watched): Promise<void> {
    if (!(await this.pause(Math.random() * (this.options.openWithinMs ?? this.options.intervalMs)))) return;
    for (;;) {
      const answer = await this.poll(tab);
      if (answer) {
        let seen = this.firstSeen.get(tab.sessionId);
        if (!seen) this.firstSeen.set(tab.sessionId, (seen = new Map()));
        if (!seen.has(answer.status)) seen.set(answer.status, answer.at);
        if (answer.status !== "pending") return;
      }
      // After a failed request a long-polling tab (no interval) still waits a moment, as the widget backs off.
      if (!(await this.pause(answer ? this.options.intervalMs : Math.max(this.options.intervalMs, ERROR_BACKOFF_MS)))) return;
    }
  }

  private async poll(tab: Watched): Promise<Answer | undefined> {
    // The first look, until one is answered, goes through the store API with the key, as the widget's does.
    const first = !this.firstSeen.has(tab.sessionId);
    const wait = this.options.longPollSeconds && !first ? `?wait=${this.options.longPollSeconds}&unless=pending` : "";
    const started = performance.now();
    try {
      const response = await fetch(`${checkoutStatusUrl(tab.info.medusaUrl, tab.sessionId, first ? "store" : "polls")}${wait}`, {
        headers: first ? { "x-publishable-api-key": tab.info.publishableKey } : {},
        signal: this.stopped.signal,
      });
      const body = (await response.json()) as { status?: string; message?: string };
      if (!response.ok || !body.status) throw new Error(`${response.status} ${body.message ?? ""}`);
      this.latenciesMs.push(performance.now() - started);
      return { status: body.status, at: Date.now() };
    } catch (error) {
      if (!this.stopped.signal.aborted) this.errors.push(`${tab.sessionId}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** False once the tabs are closed. */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.stopped.signal.aborted) return resolve(false);
      const stop = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.stopped.signal.removeEventListener("abort", stop);
        resolve(true);
      }, ms);
      this.stopped.signal.addEventListener("abort", stop, { once: true });
    });
  }
}
