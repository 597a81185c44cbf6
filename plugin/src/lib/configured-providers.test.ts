import { describe, expect, it } from "vitest";
import qfpayModule from "../providers/qfpay";
import { configuredQfpayProviders, isQfpayProviderId } from "./configured-providers";
import { gatewayForNotification, gatewayForProvider } from "./qfpay-gateways";

const options = (appCode: string) => ({ appCode, clientKey: "K", environment: "sandbox" });

describe("configuredQfpayProviders", () => {
  it("finds QFPay providers in the payment module's configuration, by package path or module object", () => {
    const configModule = {
      modules: {
        payment: {
          resolve: "@medusajs/medusa/payment",
          options: {
            providers: [
              { resolve: "@medusajs/medusa/payment-stripe", id: "stripe", options: { apiKey: "x" } },
              { resolve: "@qfpay-medusa/plugin/providers/qfpay", id: "qfpay", options: options("HK") },
              { resolve: qfpayModule, id: "sg", options: options("SG") },
            ],
          },
        },
        cache: true,
      },
    };
    const found = configuredQfpayProviders(configModule);
    expect(found.map((provider) => [provider.providerId, provider.options.appCode])).toEqual([
      ["pp_qfpay_qfpay", "HK"],
      ["pp_qfpay_sg", "SG"],
    ]);
    expect(gatewayForProvider(configModule, "pp_qfpay_sg")?.options.appCode).toBe("SG");
    expect(gatewayForNotification(configModule, undefined)).toBeUndefined();
    expect(gatewayForNotification(configModule, "qfpay")?.providerId).toBe("pp_qfpay_qfpay");
  });

  it("accepts modules declared as a list", () => {
    const configModule = {
      modules: [{ resolve: "@medusajs/medusa/payment", options: { providers: [{ resolve: "./src/providers/qfpay", id: "q", options: options("A") }] } }],
    };
    expect(gatewayForNotification(configModule, undefined)?.providerId).toBe("pp_qfpay_q");
  });

  it("tells QFPay provider ids from others", () => {
    expect(isQfpayProviderId("pp_qfpay_qfpay")).toBe(true);
    expect(isQfpayProviderId("pp_stripe_stripe")).toBe(false);
    expect(isQfpayProviderId(undefined)).toBe(false);
  });
});
