/**
 * The poller as the shopper's browser runs it: a real <qfpay-checkout> against the stand-in status
 * server, with fake timers so the delays between requests can be measured exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkoutAttributes, cleanup, find, mount, textOf, waitForGets, waitForText } from "../test-support/mount.js";
import { eventually, realPause } from "../test-support/real-time.js";
import { failNext, sessionStats, setSession, uniqueSessionId } from "../test-support/stand-in.js";
import { DEFAULT_POLL_TIMING, pollDelay, retryDelay } from "./status-poller.js";

let visibility: DocumentVisibilityState = "visible";

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeEach(() => {
  visibility = "visible";
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete (document as { visibilityState?: unknown }).visibilityState;
});

/** Waits until the answer to the latest request has been handled and the next poll is scheduled. */
async function nextPollScheduled(): Promise<void> {
  await eventually(() => expect(vi.getTimerCount()).toBe(1));
}

/** Fires the scheduled poll; answers how long (fake ms) it waited. */
async function firePoll(sessionId: string): Promise<number> {
  const { gets } = await sessionStats(sessionId);
  const before = Date.now();
  await vi.advanceTimersToNextTimerAsync();
  const waited = Date.now() - before;
  await waitForGets(sessionId, gets + 1);
  await nextPollScheduled();
  return waited;
}

describe("poll timing", () => {
  it("starts at the interval, stays at 2 s while the code is fresh, then backs off to the cap", () => {
    const fresh = Array.from({ length: 6 }, (_, calm) => pollDelay(DEFAULT_POLL_TIMING, calm, calm * 2_000));
    expect(fresh).toEqual([2000, 2000, 2000, 2000, 2000, 2000]);
    expect(pollDelay(DEFAULT_POLL_TIMING, 50, 119_999)).toBe(2000);
    expect(pollDelay(DEFAULT_POLL_TIMING, 50, 120_000)).toBe(10_000);
    expect(pollDelay({ ...DEFAULT_POLL_TIMING, interval: 1000 }, 3, 0)).toBe(1953.125);
    expect([1, 2, 3, 4, 5].map((failures) => retryDelay(DEFAULT_POLL_TIMING, failures))).toEqual([2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe("<qfpay-checkout> polling", () => {
  it("polls with chained timeouts: every 2 s, 10 s after two quiet minutes, short again after a change", async () => {
    const id = uniqueSessionId("backoff");
    await setSession(id, { ttl_seconds: null });
    await mount(checkoutAttributes(id));
    await waitForGets(id, 1);
    await nextPollScheduled();

    const waits: number[] = [];
    let elapsed = 0;
    while (elapsed < 140_000) {
      const waited = await firePoll(id);
      waits.push(waited);
      elapsed += waited;
    }
    expect(waits.slice(0, 3)).toEqual([2000, 2000, 2000]);
    expect(waits.filter((w) => w === 2000).length).toBeGreaterThanOrEqual(55);
    expect(waits.slice(-2)).toEqual([10_000, 10_000]);
    expect(new Set(waits)).toEqual(new Set([2000, 10_000]));

    await setSession(id, { status: "processing" });
    await firePoll(id);
    expect(await firePoll(id)).toBe(2000);
  });

  it("looks first through the store API, then polls the route outside /store with no CORS preflight", async () => {
    const id = uniqueSessionId("lean");
    await setSession(id, { ttl_seconds: null });
    await mount(checkoutAttributes(id));
    await waitForGets(id, 1);
    await nextPollScheduled();
    await firePoll(id);
    await firePoll(id);
    const stats = await sessionStats(id);
    expect(stats.gets).toBe(3);
    expect(stats.store_gets).toBe(1);
    // The page is on another origin: only the first look, which sends the publishable key, needs one.
    expect(stats.preflights).toBe(1);
  });

  it("pauses while the page is hidden and polls at once when it is shown again", async () => {
    const id = uniqueSessionId("hidden");
    await setSession(id, { ttl_seconds: null });
    const { el } = await mount(checkoutAttributes(id));
    await waitForGets(id, 1);
    await nextPollScheduled();

    setVisibility("hidden");
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    await realPause(150);
    expect((await sessionStats(id)).gets).toBe(1);

    await setSession(id, { status: "succeeded" });
    setVisibility("visible");
    await waitForGets(id, 2);
    await waitForText(el, "Payment successful");
  });

  it("aborts the request in flight when removed, and sends none after", async () => {
    const id = uniqueSessionId("abort");
    await setSession(id, { ttl_seconds: null, delay_ms: 300 });
    const { el } = await mount(checkoutAttributes(id));
    await waitForGets(id, 1);
    el.remove();
    await eventually(async () => expect((await sessionStats(id)).aborted).toBe(1));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    await realPause(400);
    expect(await sessionStats(id)).toMatchObject({ gets: 1, aborted: 1 });
  });

  it("resumes when put back in the page", async () => {
    const id = uniqueSessionId("reattach");
    await setSession(id, { ttl_seconds: null });
    const { el } = await mount(checkoutAttributes(id));
    await waitForGets(id, 1);
    await nextPollScheduled();
    const parent = el.parentElement!;
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
    parent.append(el);
    await waitForGets(id, 2);
  });

  it("retries network trouble with back-off and a quiet reconnecting hint", async () => {
    const id = uniqueSessionId("retry");
    await setSession(id, { ttl_seconds: null });
    await failNext(id, { http: 503 }, { network: true });
    const { el, of } = await mount(checkoutAttributes(id));
    await waitForText(el, "Connection lost, reconnecting");
    await nextPollScheduled();

    expect(await firePoll(id)).toBe(2000);
    expect(textOf(el)).toContain("reconnecting");
    expect(await firePoll(id)).toBe(4000);
    await find(el, "svg.qr");
    expect(textOf(el)).not.toContain("reconnecting");
    expect(of("qfpay-error").map((e) => [e.detail.code, e.detail.transient])).toEqual([
      ["server_error", true],
      ["network", true],
    ]);
    expect(await firePoll(id)).toBe(2000);
  });
});
