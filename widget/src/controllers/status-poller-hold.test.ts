/** The poller's long polls: which status it asks the server to wait on, and how soon it asks again after a held answer. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckoutStatus, CheckoutStatusValue } from "@qfpay-medusa/shared/checkout";
import { AFTER_HELD_MS, DEFAULT_POLL_TIMING, HELD_MS, StatusPoller } from "./status-poller.js";

function statusOf(value: CheckoutStatusValue): CheckoutStatus {
  return {
    session_id: "payses_HOLD",
    status: value,
    pay_type: "800201",
    wallet: "wechat",
    mode: "qr",
    qrcode: "https://qr.test/1",
    amount: 100,
    amount_exponent: 2,
    currency_code: "hkd",
    expires_at: null,
    server_time: new Date().toISOString(),
  } as CheckoutStatus;
}

type Call = { unless: CheckoutStatusValue | undefined; at: number };

function pollerAnswering(answers: Array<{ status: CheckoutStatusValue; holdMs: number }>) {
  const calls: Call[] = [];
  const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
  const poller = new StatusPoller(host, {
    fetchStatus: async (_signal, unless) => {
      calls.push({ unless, at: Date.now() });
      const answer = answers.shift() ?? { status: "pending", holdMs: 0 };
      // The server's hold, on the fake clock.
      vi.setSystemTime(Date.now() + answer.holdMs);
      return statusOf(answer.status);
    },
    onStatus: () => undefined,
    onFatalError: () => undefined,
    onConnectionChange: () => undefined,
  });
  return { poller, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => vi.useRealTimers());

async function nextCall(calls: Call[], count: number): Promise<void> {
  while (calls.length < count) await vi.advanceTimersToNextTimerAsync();
}

describe("StatusPoller long polls", () => {
  it("asks the server to hold while the code is open, and asks again at once after a held answer", async () => {
    const { poller, calls } = pollerAnswering([
      { status: "pending", holdMs: 0 },
      { status: "pending", holdMs: HELD_MS + 15_000 },
      { status: "succeeded", holdMs: 300 },
    ]);
    poller.hostConnected();
    poller.start();
    await nextCall(calls, 3);
    expect(calls.map((call) => call.unless)).toEqual([undefined, "pending", "pending"]);
    // After the quick first answer: the usual 2 s. After the held one: only AFTER_HELD_MS.
    expect(calls[1]!.at - calls[0]!.at).toBe(DEFAULT_POLL_TIMING.interval);
    expect(calls[2]!.at - calls[1]!.at).toBe(HELD_MS + 15_000 + AFTER_HELD_MS);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    poller.hostDisconnected();
  });

  it("falls back to plain polling against a server that answers at once, never a tight loop", async () => {
    const { poller, calls } = pollerAnswering([]);
    poller.hostConnected();
    poller.start();
    await nextCall(calls, 4);
    const gaps = calls.slice(1).map((call, index) => call.at - calls[index]!.at);
    expect(gaps.every((gap) => gap >= DEFAULT_POLL_TIMING.interval)).toBe(true);
    poller.hostDisconnected();
  });
});
