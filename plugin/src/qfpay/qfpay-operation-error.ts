/**
 * Why an operation on a QFPay order could not be done, in words fit for an admin or a shopper.
 * `already_paid`: cancel/replace of a paid order (refund instead); `refund_refused`: QFPay (or the
 * remaining balance) refuses the refund; `not_refundable` / `not_capturable`: nothing to refund or capture;
 * `invalid_request`: bad input; `gateway_answer`: QFPay answered something that cannot be trusted;
 * `in_progress`: QFPay has not finished yet; `too_soon`: a new code was asked for again too quickly;
 * `given_back`: the payment was (or is being) refunded because no order could take it.
 */
export type QfpayOperationErrorCode =
  "already_paid" | "refund_refused" | "not_refundable" | "not_capturable" | "invalid_request" | "gateway_answer" | "in_progress" | "too_soon" | "given_back";

export class QfpayOperationError extends Error {
  override readonly name: string = "QfpayOperationError";
  constructor(
    readonly code: QfpayOperationErrorCode,
    message: string,
    /** QFPay's return code, when the refusal came from QFPay. */
    readonly respcd?: string,
  ) {
    super(message);
  }
}
