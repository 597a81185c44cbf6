import { describe, expect, it } from "vitest";
import {
  CHECKOUT_MODES,
  CHECKOUT_STATUS_OUTCOMES,
  CHECKOUT_STATUSES,
  FINAL_CHECKOUT_STATUSES,
  isCheckoutMode,
  isCheckoutStatusValue,
  isFinalCheckoutStatus,
} from "./checkout-contract.js";
import { checkoutModeSchema, checkoutStatusSchema } from "./checkout-status.js";

describe("the checkout contract", () => {
  it("calls final exactly the statuses whose outcome is settled", () => {
    const settled = CHECKOUT_STATUSES.filter((status) => !["open", "in_progress"].includes(CHECKOUT_STATUS_OUTCOMES[status]));
    expect(settled).toEqual([...FINAL_CHECKOUT_STATUSES]);
    expect(CHECKOUT_STATUSES.filter(isFinalCheckoutStatus)).toEqual([...FINAL_CHECKOUT_STATUSES]);
  });

  it("recognises its own values and nothing else", () => {
    expect(CHECKOUT_STATUSES.every(isCheckoutStatusValue)).toBe(true);
    expect(CHECKOUT_MODES.every(isCheckoutMode)).toBe(true);
    for (const other of ["paid", "", undefined, 1, "QR"]) {
      expect(isCheckoutStatusValue(other)).toBe(false);
      expect(isCheckoutMode(other)).toBe(false);
    }
  });

  it("is what the server's schemas accept", () => {
    expect(checkoutModeSchema.options).toEqual([...CHECKOUT_MODES]);
    expect(checkoutStatusSchema.shape.status.options).toEqual([...CHECKOUT_STATUSES]);
  });
});
