import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { merchantOptionsOf } from "./merchant-options";

const MERCHANT = { appCode: "APP", clientKey: randomBytes(16).toString("hex").toUpperCase(), environment: "hk-test" };

describe("merchantOptionsOf", () => {
  it("reads the plugin's options as the merchant's, without what Medusa adds to every module", () => {
    expect(merchantOptionsOf({ ...MERCHANT, database: { clientUrl: "postgres://x" } })).toMatchObject({ appCode: "APP", environment: "hk-test" });
  });

  it("is undefined for a plugin registered without options", () => {
    expect(merchantOptionsOf(undefined)).toBeUndefined();
    expect(merchantOptionsOf({})).toBeUndefined();
    expect(merchantOptionsOf({ database: {} })).toBeUndefined();
  });

  it("stops a bad option with its name and never the key", () => {
    expect(() => merchantOptionsOf({ ...MERCHANT, environment: "hk-tst" })).toThrow(/"environment" must be one of/);
    try {
      merchantOptionsOf({ ...MERCHANT, qrExpiryMinutes: 1 });
    } catch (error) {
      expect(String(error)).toMatch(/"qrExpiryMinutes" must be at least 5/);
      expect(String(error)).not.toContain(MERCHANT.clientKey);
    }
  });
});
