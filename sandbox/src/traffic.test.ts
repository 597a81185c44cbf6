import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TrafficRecorder } from "./traffic.js";
import { call, controlCall, MERCHANT, startTestSandbox } from "./test-support.js";
import type { Sandbox } from "./types.js";

const START = Date.parse("2026-03-10T04:00:00Z");
let now = START;
const clock = () => new Date(now);

describe("TrafficRecorder", () => {
  it("counts requests and 429s per app code and endpoint", () => {
    const traffic = new TrafficRecorder(clock);
    traffic.record("A", "query", START, false);
    traffic.record("A", "query", START + 1, true);
    traffic.record("A", "payment", START + 2, false);
    traffic.record("B", "refund", START + 3, false);
    const { appCodes } = traffic.report();
    expect(appCodes.A).toMatchObject({ requests: 3, rateLimited: 1 });
    expect(appCodes.A!.endpoints.query).toMatchObject({ requests: 2, rateLimited: 1 });
    expect(appCodes.A!.endpoints.payment).toMatchObject({ requests: 1, rateLimited: 0 });
    expect(Object.keys(appCodes.B!.endpoints)).toEqual(["refund"]);
  });

  it("finds the busiest sliding second and minute, not only calendar seconds", () => {
    const traffic = new TrafficRecorder(clock);
    // 30 requests in the last 100 ms of one second and 30 in the first 100 ms of the next: 60 in one sliding second.
    for (let i = 0; i < 30; i++) traffic.record("A", "query", START + 900 + i, false);
    for (let i = 0; i < 30; i++) traffic.record("A", "query", START + 1_000 + i, false);
    for (let i = 0; i < 10; i++) traffic.record("A", "query", START + 30_000 + i, false);
    traffic.record("A", "query", START + 61_000, false);
    const stats = traffic.report().appCodes.A!;
    expect(stats.peakPerSecond).toBe(60);
    expect(stats.peakPerMinute).toBe(70);
    expect(stats.perSecond.map(({ second, count }) => [second - START / 1_000, count])).toEqual([
      [0, 30],
      [1, 30],
      [30, 10],
      [61, 1],
    ]);
  });

  it("keeps per-second history for the configured minutes, shows the asked minutes, and resets", () => {
    const traffic = new TrafficRecorder(clock, 2);
    traffic.record("A", "query", START, true);
    traffic.record("A", "query", START + 60_000, false);
    traffic.record("A", "query", START + 150_000, false);
    now = START + 150_000;
    const all = traffic.report();
    expect(all.minutes).toBe(2);
    expect(all.appCodes.A!.perSecond.map((s) => s.second - START / 1_000)).toEqual([60, 150]); // 0 s fell out of the 2 minutes
    expect(all.appCodes.A!.perSecond[0]).toMatchObject({ count: 1, rateLimited: 0 });
    expect(traffic.report(1).appCodes.A!.perSecond.map((s) => s.second - START / 1_000)).toEqual([150]);
    expect(all.appCodes.A!.requests).toBe(3);
    traffic.reset();
    expect(traffic.report()).toMatchObject({ appCodes: {}, since: new Date(now).toISOString() });
    now = START;
  });
});

describe("traffic over HTTP", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ rateLimit: { perSecond: 3, perMinute: 100 }, clock });
  });
  afterAll(() => sandbox.close());

  it("GET /__sandbox/traffic reports the app code's calls, 429s included; POST /__sandbox/traffic/reset starts over", async () => {
    for (let i = 0; i < 5; i++) await call(sandbox, "/trade/v1/query", { syssn: "20000101000200000000000009" });
    await controlCall(sandbox, "GET", "/ledger");
    const report = (await controlCall(sandbox, "GET", "/traffic?minutes=1")).json;
    expect(report.minutes).toBe(1);
    expect(report.appCodes[MERCHANT.appCode]).toMatchObject({
      requests: 5,
      rateLimited: 2,
      peakPerSecond: 5,
      peakPerMinute: 5,
      perSecond: [{ second: START / 1_000, count: 5, rateLimited: 2 }],
      endpoints: { query: { requests: 5, rateLimited: 2 } },
    });
    expect(sandbox.control.traffic({ minutes: 1 })).toEqual(report);
    expect((await controlCall(sandbox, "POST", "/traffic/reset")).status).toBe(200);
    expect((await controlCall(sandbox, "GET", "/traffic")).json.appCodes).toEqual({});
    expect((await controlCall(sandbox, "GET", "/traffic?minutes=soon")).status).toBe(400);
  });
});
