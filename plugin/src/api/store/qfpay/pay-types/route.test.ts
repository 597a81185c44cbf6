import { describe, expect, it } from "vitest";
import { storePayTypesSchema } from "@qfpay-medusa/shared";
import { parseQfpayOptions } from "../../../../qfpay";
import { fakeQuery } from "../../../../test-support/fake-query";
import { fakeScope } from "../../../../test-support/fake-scope";
import { callRoute } from "../../../../test-support/call-route";
import { GET } from "./route";

const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

function scopeWith(cart: Record<string, unknown> | undefined) {
  const options = parseQfpayOptions({
    appCode: "APP",
    clientKey: "KEY",
    environment: "hk-test",
    payTypes: { default: "800201", allowed: ["800201", "802001", "801512", "805801"], storefrontMayChoose: true },
  });
  const queries: unknown[] = [];
  const scope = fakeScope(
    options,
    fakeQuery((config) => (queries.push(config), cart ? [cart] : [])),
  );
  return { scope, queries };
}

function call(scope: unknown, query: Record<string, unknown>, userAgent = "") {
  return callRoute(GET, { query, scope, get: (name: string) => (name === "user-agent" ? userAgent : undefined) });
}

const hkCart = { id: "cart_1", currency_code: "hkd", region: { payment_providers: [{ id: "pp_qfpay_qfpay", is_enabled: true }] } };

describe("GET /store/qfpay/pay-types", () => {
  it("answers the cart's pay types in the shared contract, the phone's best first", async () => {
    const { scope, queries } = scopeWith(hkCart);
    const sent = await call(scope, { cart_id: "cart_1" }, PHONE_UA);
    const body = storePayTypesSchema.parse(sent.body);
    expect(body.device).toBe("phone");
    expect(body.provider_id).toBe("pp_qfpay_qfpay");
    expect(body.pay_types.map((entry) => entry.pay_type)).toEqual(["801512", "800201", "802001", "805801"]);
    expect(sent.headers["Cache-Control"]).toBe("no-store");
    expect(queries[0]).toMatchObject({ entity: "cart", filters: { id: "cart_1" } });
  });

  it("takes ?device= over the User-Agent, and keeps FPS and PayMe off an SGD cart", async () => {
    const { scope } = scopeWith({ ...hkCart, currency_code: "sgd" });
    const body = storePayTypesSchema.parse((await call(scope, { cart_id: "cart_1", device: "desktop" }, PHONE_UA)).body);
    expect(body.device).toBe("desktop");
    expect(body.pay_types.map((entry) => entry.pay_type)).toEqual(["800201"]);
  });

  it("offers nothing in a region without the QFPay provider", async () => {
    const { scope } = scopeWith({ ...hkCart, region: { payment_providers: [{ id: "pp_system_default" }] } });
    const body = storePayTypesSchema.parse((await call(scope, { cart_id: "cart_1" })).body);
    expect(body).toMatchObject({ provider_id: null, pay_types: [] });
  });

  it("refuses a missing cart_id and an unknown or completed cart", async () => {
    await expect(call(scopeWith(hkCart).scope, {})).rejects.toThrow("cart_id is required");
    await expect(call(scopeWith(undefined).scope, { cart_id: "nope" })).rejects.toThrow("Cart nope was not found");
    await expect(call(scopeWith({ ...hkCart, completed_at: "2026-01-01" }).scope, { cart_id: "cart_1" })).rejects.toThrow(/not found/);
  });
});
