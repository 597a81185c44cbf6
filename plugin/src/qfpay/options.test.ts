import { describe, expect, it } from "vitest";
import { baseUrlOf, parseQfpayOptions, QfpayOptionsError } from "./options";

const KEY = "0123456789ABCDEF0123456789ABCDEF";
const base = { appCode: "APPCODE", clientKey: KEY, environment: "hk-test" };

function problems(options: Record<string, unknown>): string {
  try {
    parseQfpayOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(QfpayOptionsError);
    expect((error as Error).message).not.toContain(KEY);
    return (error as Error).message;
  }
  throw new Error("options were accepted");
}

describe("parseQfpayOptions", () => {
  it("fills QFPay's defaults", () => {
    expect(parseQfpayOptions(base)).toMatchObject({
      signType: "MD5",
      txzone: "+0800",
      qrExpiryMinutes: 30,
      payTypes: { default: "800201", byCurrency: {}, storefrontMayChoose: false },
      inProgressTimeoutSeconds: 120,
      statusQueryIntervalSeconds: 2,
      idleCheckSeconds: 20,
      requestBudget: { perSecond: 20, perMinute: 180 },
      autoRefundOrphans: true,
      refreshCooldownSeconds: 5,
      maxAttemptsPerSession: 10,
      completeAfterSeconds: 20,
    });
  });

  it("resolves an environment id, a { region, mode } pair or an explicit URL", () => {
    expect(baseUrlOf(parseQfpayOptions(base))).toBe("https://test-openapi-hk.qfapi.com");
    expect(baseUrlOf(parseQfpayOptions({ ...base, environment: { region: "sg", mode: "production" } }))).toBe("https://openapi-sg.qfapi.com");
    const { environment: _, ...withoutEnvironment } = base;
    expect(baseUrlOf(parseQfpayOptions({ ...withoutEnvironment, baseUrl: "http://127.0.0.1:4010/" }))).toBe("http://127.0.0.1:4010");
  });

  it.each([
    [{ appCode: undefined }, /"appCode" is required/],
    [{ clientKey: "" }, /"clientKey" must not be empty/],
    [{ environment: "mars-prod" }, /"environment" must be one of sandbox, cn-test/],
    [
      { environment: { region: "sandbox", mode: "production" } },
      /"environment" QFPay has no such environment \(by region and mode: cn test\/production, hk test\/production/,
    ],
    [{ baseUrl: "ftp://x" }, /"baseUrl" must be an http\(s\) URL/],
    [{ baseUrl: "https://x.example" }, /"baseUrl" cannot be combined with "environment"/],
    [{ signType: "SHA1" }, /"signType" must be "MD5" or "SHA256"/],
    [{ txzone: "+08:00" }, /"txzone" must look like "\+0800"/],
    [{ qrExpiryMinutes: 3 }, /"qrExpiryMinutes" must be at least 5/],
    [{ qrExpiryMinutes: 121 }, /"qrExpiryMinutes" must be at most 120/],
    [
      { payTypes: { default: "800008" } },
      /"payTypes.default" must be a QFPay pay type a web checkout can show.*"800008" \(Consumer Present.*\) is not one a web checkout can show/,
    ],
    [
      { payTypes: { default: "999999" } },
      /"payTypes.default" must be a QFPay pay type a web checkout can show .*"999999" is not a QFPay pay type\. Allowed: 800101, 800201/,
    ],
    [{ payTypes: { default: "800201", allowed: ["800201", "12345"] } }, /"payTypes.allowed.1" .*"12345" is not a QFPay pay type/],
    [{ payTypes: { default: "800201", byCurrency: { HKD: "80200" } } }, /"payTypes.byCurrency.HKD" .*"80200" is not a QFPay pay type/],
    [{ payTypes: { default: "800201", byCurrency: { GBP: "800201" } } }, /"payTypes.byCurrency.GBP".*currency QFPay lists/],
    [{ payTypes: { default: "800201", storefrontMayChoose: true } }, /"payTypes.allowed" is required when storefrontMayChoose/],
    [{ goodsNameTemplate: "Order {cart}" }, /"goodsNameTemplate" may only use the placeholders \{reference\}/],
    [{ outTradeNoPrefix: "shop-1" }, /"outTradeNoPrefix" must be 1-16 letters/],
    [{ clientSecret: "x" }, /"\(options\)" has unknown option\(s\) "clientSecret"/],
  ])("names the bad option %j and what is allowed", (change, message) => {
    expect(problems({ ...base, ...change })).toMatch(message);
  });

  it("asks for an environment or a base URL", () => {
    const { environment: _, ...withoutEnvironment } = base;
    expect(problems(withoutEnvironment)).toMatch(/"environment" or "baseUrl" is required/);
  });

  it("accepts currency keys in any case", () => {
    const options = parseQfpayOptions({ ...base, payTypes: { default: "800201", byCurrency: { hkd: "802001" } } });
    expect(options.payTypes.byCurrency).toEqual({ HKD: "802001" });
  });
});
