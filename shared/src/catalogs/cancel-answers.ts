/**
 * How to read the answer to a cancel (`/trade/v1/close` or `/trade/v1/reversal`). japan-business-api.txt:
 * "Cancel transaction is non-generic supported ... If the cancel interface response return code is "1297" or
 * the returned content has no syssn field (note: not orig_syssn), the transaction does not support canceling
 * the order. If the user Successfully paid, the refund interface can be called for a refund."
 */
export type CancelAnswer =
  /** QFPay cancelled the order (the answer carries the cancellation's own `syssn`). */
  | "cancelled"
  /** Cancelling is not supported for this order: if it was paid, refund it instead; if unpaid, let it expire. */
  | "not_supported_refund_instead"
  /** Any other failure code: read it with `statusCode`. */
  | "failed";

/** The return code that says "this order cannot be cancelled" (there: "Please try other payment types"). */
export const CANCEL_NOT_SUPPORTED_RESPCD = "1297";

/**
 * Reads a cancel's answer, or the `QfpayGatewayError` the client throws for a failure code (it carries `respcd`),
 * so `catch (error) { readCancelAnswer(error) }` tells a refusal to cancel from other failures.
 */
export function readCancelAnswer(answer: { respcd: string | number; syssn?: string | null | undefined }): CancelAnswer {
  const respcd = String(answer.respcd).padStart(4, "0");
  if (respcd === CANCEL_NOT_SUPPORTED_RESPCD) return "not_supported_refund_instead";
  if (respcd !== "0000") return "failed";
  return answer.syssn ? "cancelled" : "not_supported_refund_instead";
}
