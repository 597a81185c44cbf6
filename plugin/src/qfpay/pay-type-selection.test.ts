import { findPayType } from "@qfpay-medusa/shared";
import { describe, expect, it } from "vitest";
import { parseQfpayOptions } from "./options";
import { codeLifetimeMinutes, PayTypeNotOfferedError, selectPayType } from "./pay-type-selection";

const payTypes = (value: Record<string, unknown>) => parseQfpayOptions({ appCode: "A", clientKey: "K", environment: "sandbox", payTypes: value }).payTypes;

describe("selectPayType", () => {
  const choosing = payTypes({ default: "800201", byCurrency: { SGD: "802301" }, allowed: ["800201", "802001"], storefrontMayChoose: true });

  it("uses the currency's pay type, else the default", () => {
    expect(selectPayType(choosing, { currency: "sgd" }).code).toBe("802301");
    expect(selectPayType(choosing, { currency: "hkd" }).code).toBe("800201");
  });

  it("takes the storefront's choice only among the allowed ones", () => {
    expect(selectPayType(choosing, { currency: "hkd", requested: "802001" }).wallet).toBe("fps");
    expect(() => selectPayType(choosing, { currency: "hkd", requested: "801501" })).toThrow(PayTypeNotOfferedError);
  });

  it("refuses any choice when the storefront may not choose", () => {
    const fixed = payTypes({ default: "800201", allowed: ["802001"] });
    expect(() => selectPayType(fixed, { currency: "hkd", requested: "802001" })).toThrow(/does not let the storefront choose/);
  });
});

describe("codeLifetimeMinutes", () => {
  it("uses the option where QFPay takes expired_time, else QFPay's own limits", () => {
    expect(codeLifetimeMinutes(findPayType("800201")!, 10)).toBe(10);
    expect(codeLifetimeMinutes(findPayType("802001")!, 10)).toBe(30);
    expect(codeLifetimeMinutes(findPayType("801808")!, 10)).toBe(15);
  });
});
