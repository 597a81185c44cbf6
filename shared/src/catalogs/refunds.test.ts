import { describe, expect, it } from "vitest";
import { findPayType, PAY_TYPES } from "./pay-types.js";
import { refundSupportOf } from "./refunds.js";

describe("refund support", () => {
  it("says partial for the Japan document's WeChat Pay and Alipay codes", () => {
    for (const code of ["800201", "800101", "800208", "800108", "800008"]) expect(refundSupportOf(code)).toBe("partial");
  });

  it("says full for Alipay online and pre-authorization, unstated for the rest", () => {
    expect(refundSupportOf(findPayType("801114")!)).toBe("full");
    expect(refundSupportOf("801808")).toBe("full");
    expect(refundSupportOf("802001")).toBe("unstated");
    expect(refundSupportOf("805801")).toBe("unstated");
  });

  it("names only catalogued pay types", () => {
    const documented = PAY_TYPES.filter((payType) => refundSupportOf(payType) !== "unstated").length;
    expect(documented).toBe(12);
  });
});
