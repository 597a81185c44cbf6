import { MedusaError } from "@medusajs/framework/utils";
import {
  AmountError,
  GoodsNameError,
  OutTradeNoError,
  QfpayGatewayError,
  QfpayRateLimitError,
  QfpayRequestError,
  QfpayTransportError,
  UnknownCurrencyError,
} from "@qfpay-medusa/shared/server";
import { BudgetExhaustedError } from "../../core/request-budget";
import { PayTypeNotOfferedError, QfpayOperationError, ReturnUrlError, SessionDataError, type QfpayOperationErrorCode } from "../../qfpay";

const OPERATION_ERROR_TYPES: Readonly<Record<QfpayOperationErrorCode, string>> = {
  already_paid: MedusaError.Types.NOT_ALLOWED,
  refund_refused: MedusaError.Types.NOT_ALLOWED,
  not_refundable: MedusaError.Types.NOT_ALLOWED,
  not_capturable: MedusaError.Types.NOT_ALLOWED,
  invalid_request: MedusaError.Types.INVALID_DATA,
  gateway_answer: MedusaError.Types.UNEXPECTED_STATE,
  in_progress: MedusaError.Types.CONFLICT,
  too_soon: MedusaError.Types.NOT_ALLOWED,
  given_back: MedusaError.Types.NOT_ALLOWED,
};

/** Errors that come from what the caller handed over. */
const INPUT_ERRORS = [
  AmountError,
  UnknownCurrencyError,
  OutTradeNoError,
  PayTypeNotOfferedError,
  ReturnUrlError,
  SessionDataError,
  QfpayRequestError,
  GoodsNameError,
];

/**
 * One place that turns what went wrong into a MedusaError with the provider's words. The messages of the
 * shared client never carry the client key or request bodies, so they may be passed on.
 */
export function toMedusaError(error: unknown, doing: string): MedusaError {
  if (error instanceof MedusaError) return error;
  if (error instanceof QfpayOperationError) {
    // The operation's code travels as the error's code, so routes can tell "already paid" from other refusals.
    return new MedusaError(OPERATION_ERROR_TYPES[error.code], error.message, error.code);
  }
  if (INPUT_ERRORS.some((type) => error instanceof type)) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `QFPay: cannot ${doing}: ${(error as Error).message}`);
  }
  if (error instanceof QfpayGatewayError) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `QFPay refused to ${doing}: ${error.meaning} (${error.respcd})`, error.respcd);
  }
  if (error instanceof QfpayRateLimitError) {
    const wait = error.retryAfterSeconds !== undefined ? ` in ${error.retryAfterSeconds} s` : " in a few seconds";
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `QFPay is refusing requests for now (its rate limit was reached) and did not ${doing}; try again${wait}`,
      "429",
    );
  }
  if (error instanceof BudgetExhaustedError) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `QFPay: cannot ${doing} now: ${error.message}`);
  }
  if (error instanceof QfpayTransportError) {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `QFPay could not be reached to ${doing} (${error.kind}); try again`);
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `QFPay: failed to ${doing}: ${(error as Error)?.message ?? String(error)}`);
}
