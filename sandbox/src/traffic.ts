import { SlidingWindow } from "./sliding-window.js";
import type { EndpointName, TrafficReport, TrafficSecond, TrafficStats } from "./types.js";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
export const DEFAULT_TRAFFIC_HISTORY_MINUTES = 15;

/** The figures of one app code, or of one endpoint of it. */
class TrafficCounter {
  private requests = 0;
  private rateLimited = 0;
  private peakPerSecond = 0;
  private peakPerMinute = 0;
  private readonly lastSecond = new SlidingWindow(SECOND);
  private readonly lastMinute = new SlidingWindow(MINUTE);
  /** Unix second → counts; seconds without requests are absent. Oldest first. */
  private readonly seconds = new Map<number, { count: number; rateLimited: number }>();

  record(atMs: number, rateLimited: boolean, historyMs: number): void {
    this.requests += 1;
    if (rateLimited) this.rateLimited += 1;
    this.lastSecond.add(atMs);
    this.lastMinute.add(atMs);
    this.peakPerSecond = Math.max(this.peakPerSecond, this.lastSecond.countAt(atMs));
    this.peakPerMinute = Math.max(this.peakPerMinute, this.lastMinute.countAt(atMs));
    const second = Math.floor(atMs / SECOND);
    const bucket = this.seconds.get(second) ?? { count: 0, rateLimited: 0 };
    bucket.count += 1;
    if (rateLimited) bucket.rateLimited += 1;
    this.seconds.set(second, bucket);
    this.forgetBefore(Math.floor((atMs - historyMs) / SECOND));
  }

  stats(fromSecond: number): TrafficStats {
    const perSecond: TrafficSecond[] = [];
    for (const [second, bucket] of this.seconds) if (second >= fromSecond) perSecond.push({ second, ...bucket });
    perSecond.sort((a, b) => a.second - b.second);
    return {
      requests: this.requests,
      rateLimited: this.rateLimited,
      peakPerSecond: this.peakPerSecond,
      peakPerMinute: this.peakPerMinute,
      perSecond,
    };
  }

  private forgetBefore(second: number): void {
    for (const kept of this.seconds.keys()) {
      if (kept >= second) return;
      this.seconds.delete(kept);
    }
  }
}

/**
 * Counts the API requests that reach the sandbox, per app code and per endpoint, answered or refused with 429:
 * totals, the busiest sliding second and minute, and requests per second for the last `historyMinutes`.
 */
export class TrafficRecorder {
  private readonly byAppCode = new Map<string, { all: TrafficCounter; endpoints: Map<EndpointName, TrafficCounter> }>();
  private since: Date;

  constructor(
    private readonly clock: () => Date,
    private readonly historyMinutes = DEFAULT_TRAFFIC_HISTORY_MINUTES,
  ) {
    this.since = clock();
  }

  record(appCode: string, endpoint: EndpointName, atMs: number, rateLimited: boolean): void {
    let app = this.byAppCode.get(appCode);
    if (!app) {
      app = { all: new TrafficCounter(), endpoints: new Map() };
      this.byAppCode.set(appCode, app);
    }
    let counter = app.endpoints.get(endpoint);
    if (!counter) {
      counter = new TrafficCounter();
      app.endpoints.set(endpoint, counter);
    }
    const historyMs = this.historyMinutes * MINUTE;
    app.all.record(atMs, rateLimited, historyMs);
    counter.record(atMs, rateLimited, historyMs);
  }

  /** `minutes`: how much of the per-second history to include (at most what is kept). */
  report(minutes = this.historyMinutes): TrafficReport {
    const now = this.clock();
    const shown = Math.min(minutes, this.historyMinutes);
    const fromSecond = Math.floor((now.getTime() - shown * MINUTE) / SECOND);
    const appCodes: Record<string, TrafficReport["appCodes"][string]> = {};
    for (const [appCode, app] of this.byAppCode) {
      const endpoints: Partial<Record<EndpointName, TrafficStats>> = {};
      for (const [name, counter] of app.endpoints) endpoints[name] = counter.stats(fromSecond);
      appCodes[appCode] = { ...app.all.stats(fromSecond), endpoints };
    }
    return { since: this.since.toISOString(), at: now.toISOString(), minutes: shown, appCodes };
  }

  reset(): void {
    this.byAppCode.clear();
    this.since = this.clock();
  }
}
