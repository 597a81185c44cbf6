/**
 * The status route the widget polls, outside /store, on real Medusa: the same answer as the store API's, no
 * publishable key needed, the store's CORS origins and no others, nothing but the status (no refresh).
 */
import { describe, expect, it } from "vitest";
import { checkoutStatusSchema } from "@qfpay-medusa/shared";
import { checkoutStatus, checkoutStatusUrl } from "../support/checkout.js";
import { openPendingCheckout } from "../support/pending-checkouts.js";
import { payOnWalletPage } from "../support/sandbox-client.js";
import { WIDGET_HOLD_SECONDS } from "../support/shopper-tabs.js";
import { useStackContext } from "../support/test-context.js";

const { info } = useStackContext();

const pollUrl = (sessionId: string) => checkoutStatusUrl(info.medusaUrl, sessionId, "polls");

async function pendingSession(label: string): Promise<string> {
  return (await openPendingCheckout(info, label, { completable: false })).sessionId;
}

describe("GET /qfpay/payment-sessions/:id", () => {
  it("answers what the store API answers, without a publishable key, and a held poll the moment the code is paid", async () => {
    const sessionId = await pendingSession("lean");
    const response = await fetch(pollUrl(sessionId));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const lean = checkoutStatusSchema.parse(await response.json());
    const { server_time: _leanTime, ...leanRest } = lean;
    const { server_time: _storeTime, ...storeRest } = await checkoutStatus(info, sessionId);
    expect(leanRest).toEqual(storeRest);
    expect(lean).toMatchObject({ session_id: sessionId, status: "pending", mode: "qr" });

    const asked = Date.now();
    const held = fetch(`${pollUrl(sessionId)}?wait=${WIDGET_HOLD_SECONDS}&unless=pending`).then(async (answer) => ({
      status: checkoutStatusSchema.parse(await answer.json()).status,
      at: Date.now(),
    }));
    await payOnWalletPage(lean.qrcode!);
    const answer = await held;
    expect(answer.status).toBe("succeeded");
    expect(answer.at - asked, "answered when paid, not when the hold ran out").toBeLessThan((WIDGET_HOLD_SECONDS / 2) * 1000);
  });

  it("allows the store's origins (http.storeCors) and no other", async () => {
    const sessionId = await pendingSession("cors");
    const fromStore = await fetch(pollUrl(sessionId), { headers: { origin: info.storefrontUrl } });
    expect(fromStore.headers.get("access-control-allow-origin")).toBe(info.storefrontUrl);
    expect(fromStore.headers.get("vary")).toMatch(/origin/i);

    const fromElsewhere = await fetch(pollUrl(sessionId), { headers: { origin: "https://elsewhere.example" } });
    expect(fromElsewhere.status).toBe(200);
    expect(fromElsewhere.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await fetch(pollUrl(sessionId), {
      method: "OPTIONS",
      headers: { origin: info.storefrontUrl, "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(info.storefrontUrl);
  });

  it("knows no session it has no record of, and offers no refresh", async () => {
    const unknown = await fetch(pollUrl("payses_01NOSUCHSESSION"));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/was not found/);

    const sessionId = await pendingSession("no-refresh");
    const before = await checkoutStatus(info, sessionId);
    const refresh = await fetch(`${pollUrl(sessionId)}/refresh`, { method: "POST" });
    expect(refresh.status).toBe(404);
    expect((await checkoutStatus(info, sessionId)).qrcode, "the same code: no new QFPay order").toBe(before.qrcode);
  });
});
