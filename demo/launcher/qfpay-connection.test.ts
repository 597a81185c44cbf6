import { describe, expect, it } from "vitest";
import { realQfpayFromEnv } from "./qfpay-connection.js";

describe("realQfpayFromEnv", () => {
  it("is null when no QFPay variable is set (the sandbox is used)", () => {
    expect(realQfpayFromEnv({})).toBeNull();
  });

  it("reads a complete set, mchid optional", () => {
    const env = { QFPAY_BASE_URL: "https://test-openapi-hk.qfapi.com", QFPAY_APP_CODE: "APP", QFPAY_CLIENT_KEY: "KEY" };
    expect(realQfpayFromEnv(env)).toEqual({ baseUrl: env.QFPAY_BASE_URL, appCode: "APP", clientKey: "KEY" });
    expect(realQfpayFromEnv({ ...env, QFPAY_MCHID: "M1" })?.mchid).toBe("M1");
  });

  it("names what is missing from a partial set, never the key", () => {
    expect(() => realQfpayFromEnv({ QFPAY_CLIENT_KEY: "SECRETKEY" })).toThrow(/missing: QFPAY_BASE_URL, QFPAY_APP_CODE$/);
    expect(() => realQfpayFromEnv({ QFPAY_CLIENT_KEY: "SECRETKEY" })).not.toThrow(/SECRETKEY/);
  });
});
