/**
 * The status route the widget polls, outside /store, on real Medusa: the same answer as the store API's, no
 * publishable key needed, the store's CORS origins and no others, nothing but the status (no refresh).
 */
import { describe, expect, it } from "vitest";
import { checkoutStatusSchema } from "@qfpay-medusa/shared";
import { cartReadyToPay, checkoutStatus, openQfpaySession, shopperEmail } from "../support/checkout.js";
import { useStackContext } from "../support/test-context.js";

const { info } = useStackContext();

const leanUrl = (sessionId: string) => `${info.medusaUrl}/qfpay/payment-sessions/${sessionId}`;

async function pendingSession(label: string): Promise<string> {
  const cart = await cartReadyToPay(info, { currency: "hkd", email: shopperEmail(label) });
  return (await openQfpaySession(info, cart, "800201")).id;
}

describe("GET /qfpay/payment-sessions/:id", () => {
  it("answers what the store API answers, without a publishable key, and holds until the status changes", async () => {
    const sessionId = await pendingSession("lean");
    const response = await fetch(leanUrl(sessionId));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const lean = checkoutStatusSchema.parse(await response.json());
    const { server_time: _leanTime, ...leanRest } = lean;
    const { server_time: _storeTime, ...storeRest } = await checkoutStatus(info, sessionId);
    expect(leanRest).toEqual(storeRest);
    expect(lean).toMatchObject({ session_id: sessionId, status: "pending", mode: "qr" });

    const started = Date.now();
    const held = await fetch(`${leanUrl(sessionId)}?wait=1&unless=pending`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(checkoutStatusSchema.parse(await held.json()).status).toBe("pending");
  });

  it("allows the store's origins (http.storeCors) and no other", async () => {
    const sessionId = await pendingSession("cors");
    const fromStore = await fetch(leanUrl(sessionId), { headers: { origin: info.storefrontUrl } });
    expect(fromStore.headers.get("access-control-allow-origin")).toBe(info.storefrontUrl);
    expect(fromStore.headers.get("vary")).toMatch(/origin/i);

    const fromElsewhere = await fetch(leanUrl(sessionId), { headers: { origin: "https://elsewhere.example" } });
    expect(fromElsewhere.status).toBe(200);
    expect(fromElsewhere.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await fetch(leanUrl(sessionId), {
      method: "OPTIONS",
      headers: { origin: info.storefrontUrl, "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(info.storefrontUrl);
  });

  it("knows no session it has no record of, and offers no refresh", async () => {
    for (const id of ["payses_01NOSUCHSESSION", "..%2F..%2Fstore", "a%00b"]) {
      const response = await fetch(leanUrl(id));
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toMatch(/was not found/);
    }
    const sessionId = await pendingSession("no-refresh");
    const refresh = await fetch(`${leanUrl(sessionId)}/refresh`, { method: "POST" });
    expect(refresh.status).toBe(404);
    expect((await checkoutStatus(info, sessionId)).qrcode).toBeDefined();
  });
});
