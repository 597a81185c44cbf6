import { afterEach, describe, expect, it } from "vitest";
import { call, controlCall, createPayment, MERCHANT, PLAIN_MERCHANT, startTestSandbox, txdtm } from "./test-support.js";
import type { Sandbox, SandboxOptions } from "./types.js";

/** The sandbox's clock, moved by the tests: requests at one instant all fall in one second. */
let now = new Date("2026-03-10T04:00:00Z");
const tick = (ms: number) => (now = new Date(now.getTime() + ms));

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  for (const sandbox of sandboxes.splice(0)) await sandbox.close();
});

async function start(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const sandbox = await startTestSandbox({ clock: () => now, ...options });
  sandboxes.push(sandbox);
  return sandbox;
}

const UNKNOWN_SYSSN = "20000101000200000000000009";
const query = (sandbox: Sandbox, merchant = MERCHANT) => call(sandbox, "/trade/v1/query", { syssn: UNKNOWN_SYSSN }, { merchant });
const statuses = async (sandbox: Sandbox, count: number, merchant = MERCHANT) =>
  (await Promise.all(Array.from({ length: count }, () => query(sandbox, merchant)))).map((result) => result.status);

describe("QFPay's rate limit, on by default", () => {
  it("allows 100 requests in a second per app code, then answers 429 with Retry-After and the gateway's page", async () => {
    const sandbox = await start();
    expect(new Set(await statuses(sandbox, 100))).toEqual(new Set([200]));
    const refused = await fetch(`${sandbox.url}/trade/v1/query`, { method: "POST", headers: { "X-QF-APPCODE": MERCHANT.appCode } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("x-qf-sign")).toBeNull();
    expect(await refused.text()).toContain("<h1>429 Too Many Requests</h1>");
    expect(await statuses(sandbox, 1, PLAIN_MERCHANT)).toEqual([200]);
    tick(1_000);
    expect(await statuses(sandbox, 1)).toEqual([200]);
  });

  it("allows 400 requests in 60 seconds; Retry-After says when the oldest leaves the minute", async () => {
    const sandbox = await start();
    for (let second = 0; second < 4; second++) {
      expect(new Set(await statuses(sandbox, 100))).toEqual(new Set([200]));
      tick(1_000);
    }
    const refused = await query(sandbox);
    expect(refused.status).toBe(429);
    expect(refused.raw).toContain("429 Too Many Requests");
    const retryAfter = Number(
      (await fetch(`${sandbox.url}/trade/v1/payment`, { method: "POST", headers: { "X-QF-APPCODE": MERCHANT.appCode } })).headers.get("retry-after"),
    );
    expect(retryAfter).toBe(56); // the first 100 came at 0 s, it is 4 s later
    tick(retryAfter * 1_000);
    expect(await statuses(sandbox, 1)).toEqual([200]);
  });

  it("counts every API endpoint, the statement download too, and a refused call changes nothing in the ledger", async () => {
    const sandbox = await start({ rateLimit: { perSecond: 2, perMinute: 100 } });
    expect((await createPayment(sandbox)).result.status).toBe(200);
    expect((await call(sandbox, "/download/v1/trade_bill", { trade_date: "2026-03-10" }, { method: "GET", merchant: PLAIN_MERCHANT })).status).toBe(200);
    expect((await call(sandbox, "/download/v1/trade_bill", { trade_date: "2026-03-10" }, { method: "GET" })).status).toBe(200);
    const refused = await createPayment(sandbox);
    expect(refused.result.status).toBe(429);
    const refund = await call(sandbox, "/trade/v1/refund", { syssn: sandbox.ledger()[0]!.syssn, out_trade_no: "R1", txamt: "1", txdtm: txdtm(now) });
    expect(refund.status).toBe(429);
    expect(sandbox.ledger()).toHaveLength(1);
    expect(sandbox.control.traffic().appCodes[MERCHANT.appCode]).toMatchObject({ requests: 4, rateLimited: 2 });
  });

  it("never limits wallet pages or control calls", async () => {
    const sandbox = await start({ rateLimit: { perSecond: 1, perMinute: 1 } });
    const { syssn } = await createPayment(sandbox);
    expect((await query(sandbox)).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${sandbox.url}/wallet/qr/${syssn}`)).status).toBe(200);
      expect((await controlCall(sandbox, "GET", "/ledger")).status).toBe(200);
    }
    expect((await fetch(`${sandbox.url}/wallet/qr/${syssn}/pay`, { method: "POST" })).status).toBeLessThan(400);
    expect(sandbox.ledger()[0]?.state).toBe("succeeded");
  });
});

describe("configuring the rate limit", () => {
  it("is off with rateLimit: false", async () => {
    const sandbox = await start({ rateLimit: false });
    expect(new Set(await statuses(sandbox, 150))).toEqual(new Set([200]));
    expect(sandbox.control.faults.current().rateLimit).toBe(false);
  });

  it("reports QFPay's limits by default; faults.set changes them, true means QFPay's, clear() restores the start option", async () => {
    const sandbox = await start({ rateLimit: { perSecond: 1, perMinute: 10 } });
    expect(sandbox.control.faults.current().rateLimit).toEqual({ perSecond: 1, perMinute: 10 });
    expect(await statuses(sandbox, 2)).toContain(429);
    sandbox.control.faults.set({ rateLimit: false });
    expect(new Set(await statuses(sandbox, 5))).toEqual(new Set([200]));
    expect(sandbox.control.faults.set({ rateLimit: true }).rateLimit).toEqual({ perSecond: 100, perMinute: 400 });
    expect(sandbox.control.faults.clear().rateLimit).toEqual({ perSecond: 1, perMinute: 10 });
    const byDefault = await start();
    expect(byDefault.control.faults.current().rateLimit).toEqual({ perSecond: 100, perMinute: 400 });
  });

  it("is set over HTTP through /__sandbox/faults, and bad settings are refused", async () => {
    const sandbox = await start();
    expect((await controlCall(sandbox, "POST", "/faults", { rateLimit: { perSecond: 1, perMinute: 5 } })).json.rateLimit).toEqual({
      perSecond: 1,
      perMinute: 5,
    });
    expect(await statuses(sandbox, 2)).toEqual(expect.arrayContaining([200, 429]));
    expect((await controlCall(sandbox, "POST", "/faults", { rateLimit: { perSecond: 0, perMinute: 5 } })).status).toBe(400);
    expect((await controlCall(sandbox, "POST", "/faults", { rateLimit: false })).json.rateLimit).toBe(false);
    await expect(start({ rateLimit: { perSecond: -1, perMinute: 5 } })).rejects.toThrow(/rateLimit/);
  });

  it("resetTraffic forgets the requests the limiter counted", async () => {
    const sandbox = await start({ rateLimit: { perSecond: 1, perMinute: 1 } });
    expect(await statuses(sandbox, 2)).toEqual(expect.arrayContaining([200, 429]));
    sandbox.control.resetTraffic();
    expect(await statuses(sandbox, 1)).toEqual([200]);
  });
});
