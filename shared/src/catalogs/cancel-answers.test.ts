import { describe, expect, it } from "vitest";
import { QfpayGatewayError } from "../client/errors.js";
import { readCancelAnswer } from "./cancel-answers.js";

describe("reading a cancel answer", () => {
  it("is cancelled when QFPay answers 0000 with the cancellation's syssn", () => {
    expect(readCancelAnswer({ respcd: "0000", syssn: "20180112000100020001661611" })).toBe("cancelled");
  });

  it("means 'refund instead' on 1297 or on 0000 without a syssn (orig_syssn does not count)", () => {
    expect(readCancelAnswer({ respcd: "1297" })).toBe("not_supported_refund_instead");
    expect(readCancelAnswer({ respcd: "0000" })).toBe("not_supported_refund_instead");
    expect(readCancelAnswer({ respcd: 0, syssn: "" })).toBe("not_supported_refund_instead");
  });

  it("reads the client's error for a refused close the same way", () => {
    expect(readCancelAnswer(new QfpayGatewayError("close", "1297"))).toBe("not_supported_refund_instead");
    expect(readCancelAnswer(new QfpayGatewayError("reversal", "1264"))).toBe("failed");
  });

  it("leaves other codes to the status catalog", () => {
    expect(readCancelAnswer({ respcd: "1260", syssn: "x" })).toBe("failed");
  });
});
