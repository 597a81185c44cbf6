import { describe, expect, it } from "vitest";
import { acceptsCurrency, payTypeCurrencies } from "./pay-type-currencies.js";
import { findPayType } from "./pay-types.js";

const payType = (code: string) => findPayType(code)!;

describe("currencies of a pay type", () => {
  it("keeps domestic wallets to their home currency", () => {
    expect(payTypeCurrencies(payType("802001"))).toEqual(["HKD"]);
    expect(acceptsCurrency(payType("802001"), "sgd")).toBe(false);
    expect(acceptsCurrency(payType("802001"), "hkd")).toBe(true);
    expect(acceptsCurrency(payType("805801"), "SGD")).toBe(false);
    expect(payTypeCurrencies(payType("802301"))).toEqual(["SGD"]);
    expect(payTypeCurrencies(payType("804214"))).toEqual(["MYR", "SGD"]);
  });

  it("lets cross-border wallets take any currency", () => {
    expect(payTypeCurrencies(payType("800201"))).toBeUndefined();
    expect(acceptsCurrency(payType("800201"), "SGD")).toBe(true);
    expect(acceptsCurrency(payType("801114"), "EUR")).toBe(true);
  });
});
