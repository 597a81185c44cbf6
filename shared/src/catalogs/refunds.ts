import type { PayType } from "./pay-types.js";

/**
 * What the documents say about refunding a pay type:
 * `partial`: full, partial and repeated refunds (japan-business-api.txt, for its WeChat Pay and Alipay codes);
 * `full`: a refund is documented (Alipay's online refund busicd 801103; a pre-authorization after capture);
 * `unstated`: only the general rule, "the refund capability ... varies across payment channels" (ask QFPay).
 */
export type RefundSupport = "partial" | "full" | "unstated";

const DOCUMENTED: Readonly<Record<string, Exclude<RefundSupport, "unstated">>> = {
  "800008": "partial",
  "800101": "partial",
  "800108": "partial",
  "800201": "partial",
  "800208": "partial",
  "801110": "full",
  "801112": "full",
  "801114": "full",
  "801801": "full",
  "801808": "full",
  "801810": "full",
  "801814": "full",
};

export function refundSupportOf(payType: PayType | string): RefundSupport {
  return DOCUMENTED[typeof payType === "string" ? payType : payType.code] ?? "unstated";
}
