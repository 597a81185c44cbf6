import { describe, expect, it } from "vitest";
import { checkoutStatusUrl, eventually, placePaidOrder } from "../support/checkout.js";
import { useStackContext } from "../support/test-context.js";

const stack = useStackContext();
const { info, sandbox } = stack;

async function notify(body: Buffer | string, signature: string) {
  const response = await fetch(`${info.medusaUrl}/hooks/qfpay/notify`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-qf-sign": signature },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  return { status: response.status, text: await response.text() };
}

describe("malformed input to the plugin's routes", () => {
  it("a notification with a byte-order mark before the signed body is refused with FAIL, not a 500", async () => {
    const paid = await placePaidOrder(info, { currency: "hkd", payType: "800201" });
    const genuine = await eventually(
      async () => (await sandbox.notifications()).find((n) => n.syssn === paid.session.data.syssn && n.acknowledged),
      "the genuine notification",
    );
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(genuine.body)]);
    expect(await notify(withBom, genuine.signature)).toEqual({ status: 401, text: "FAIL" });
    expect(await notify("\u0000{]", genuine.signature)).toEqual({ status: 401, text: "FAIL" });
    // The genuine one again is a duplicate: acknowledged, nothing changes.
    expect(await notify(genuine.body, genuine.signature)).toEqual({ status: 200, text: "SUCCESS" });
    const orders = await stack.admin.ordersByEmail(paid.cart.email!);
    expect(orders).toHaveLength(1);
  });

  it("a session id with a NUL byte or a path in it is no session: 404, not a 500", async () => {
    for (const id of ["payses_01%00ABC", "..%2F..%2Fadmin", "x".repeat(200)]) {
      const response = await fetch(checkoutStatusUrl(info.medusaUrl, id), { headers: { "x-publishable-api-key": info.publishableKey } });
      expect(response.status, id).toBe(404);
      expect((await fetch(checkoutStatusUrl(info.medusaUrl, id, "polls"))).status, `${id} outside /store`).toBe(404);
      const refresh = await fetch(`${info.medusaUrl}/store/qfpay/payment-sessions/${id}/refresh`, {
        method: "POST",
        headers: { "x-publishable-api-key": info.publishableKey },
      });
      expect(refresh.status, id).toBe(404);
    }
  });
});
