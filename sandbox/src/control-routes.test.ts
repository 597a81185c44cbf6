import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCall, createPayment, MERCHANT, startReceiver, startTestSandbox, type Receiver } from "./test-support.js";
import type { LedgerEntry, Sandbox } from "./types.js";

let sandbox: Sandbox;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const control = (method: string, path: string, body?: unknown) => controlCall(sandbox, method, path, body);

describe("control API over HTTP", () => {
  it("pays by syssn or out_trade_no and lists the ledger", async () => {
    const a = await createPayment(sandbox);
    const b = await createPayment(sandbox);
    expect((await control("POST", "/pay", { id: a.syssn })).json).toMatchObject({ syssn: a.syssn, state: "succeeded" });
    expect((await control("POST", "/pay", { id: b.outTradeNo })).json).toMatchObject({ syssn: b.syssn, state: "succeeded" });
    const ledger = (await control("GET", "/ledger")).json as LedgerEntry[];
    expect(ledger.map((entry) => entry.syssn)).toEqual(expect.arrayContaining([a.syssn, b.syssn]));
    expect(JSON.stringify(ledger)).not.toContain(MERCHANT.clientKey);
  });

  it("pays a closed or expired order late (the approval crossed the close), but never a paid one twice", async () => {
    const closed = await createPayment(sandbox);
    sandbox.control.expire(closed.syssn);
    expect((await control("POST", "/pay", { id: closed.syssn })).status).toBe(409);
    expect((await control("POST", "/pay-late", { id: closed.syssn })).json).toMatchObject({ syssn: closed.syssn, state: "succeeded", respcd: "0000" });
    expect((await control("POST", "/pay-late", { id: closed.syssn })).status).toBe(409);
  });

  it("fails with a chosen code, holds for a while then pays, and expires", async () => {
    const failed = await createPayment(sandbox);
    expect((await control("POST", "/fail", { id: failed.syssn, respcd: "1204" })).json).toMatchObject({ respcd: "1204" });
    const held = await createPayment(sandbox);
    expect((await control("POST", "/hold", { id: held.syssn, ms: 80 })).json).toMatchObject({ state: "holding", respcd: "1143" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sandbox.ledger().find((entry) => entry.syssn === held.syssn)?.state).toBe("succeeded");
    const expired = await createPayment(sandbox);
    expect((await control("POST", "/expire", { id: expired.syssn })).json).toMatchObject({ state: "expired", respcd: "1181" });
  });

  it("sets, reads and clears faults", async () => {
    expect((await control("POST", "/faults", { http5xx: 1, forceRespcd: { respcd: "1297", endpoint: "payment" } })).json).toMatchObject({
      http5xx: 1,
      forceRespcd: { respcd: "1297", endpoint: "payment" },
    });
    expect((await control("GET", "/faults")).json.http5xx).toBe(1);
    expect((await control("DELETE", "/faults")).json).toMatchObject({ http5xx: 0 });
    expect((await control("GET", "/faults")).json.forceRespcd).toBeUndefined();
  });

  it("sets the notify URL and lists notification attempts", async () => {
    expect((await control("POST", "/notify-url", { appCode: MERCHANT.appCode, url: receiver.url })).status).toBe(200);
    const { syssn } = await createPayment(sandbox);
    await control("POST", "/pay", { id: syssn });
    await receiver.waitFor(1);
    const attempts = (await control("GET", "/notifications")).json as Array<{ syssn: string; url: string }>;
    expect(attempts.some((attempt) => attempt.syssn === syssn && attempt.url === receiver.url)).toBe(true);
  });

  it("answers typed errors: 404 unknown id or route, 409 wrong state, 400 bad input", async () => {
    expect(await control("POST", "/pay", { id: "nope" })).toMatchObject({ status: 404, json: { error: "not_found" } });
    const { syssn } = await createPayment(sandbox);
    await control("POST", "/pay", { id: syssn });
    expect(await control("POST", "/pay", { id: syssn })).toMatchObject({ status: 409, json: { error: "invalid_state" } });
    expect(await control("POST", "/fail", { id: syssn, respcd: "0000" })).toMatchObject({ status: 400 });
    expect(await control("POST", "/hold", { id: syssn, ms: -5 })).toMatchObject({ status: 400 });
    expect(await control("POST", "/faults", { latencyMs: "slow" })).toMatchObject({ status: 400 });
    expect(await control("POST", "/notify-url", { appCode: "NOPE", url: "http://x" })).toMatchObject({ status: 400 });
    expect((await control("GET", "/nothing")).status).toBe(404);
    const raw = await fetch(`${sandbox.url}/__sandbox/pay`, { method: "POST", body: "{not json" });
    expect(raw.status).toBe(400);
  });
});
