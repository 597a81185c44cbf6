import { MedusaError } from "@medusajs/framework/utils";
import {
  AmountError,
  OutTradeNoError,
  QfpayGatewayError,
  QfpayRequestError,
  QfpayTransportError,
  UnknownCurrencyError,
} from "@qfpay-medusa/shared/server";
import { PayTypeNotOfferedError } from "./pay-type-selection";
import { QfpayOperationError, type QfpayOperationErrorCode } from "./qfpay-operation-error";
import { ReturnUrlError } from "./return-url";
import { SessionDataError } from "./session-data";

const OPERATION_ERROR_TYPES: Readonly<Record<QfpayOperationErrorCode, string>> = {
  already_paid: MedusaError.Types.NOT_ALLOWED,
  refund_refused: MedusaError.Types.NOT_ALLOWED,
  not_refundable: MedusaError.Types.NOT_ALLOWED,
  not_capturable: MedusaError.Types.NOT_ALLOWED,
  invalid_request: MedusaError.Types.INVALID_DATA,
  gateway_answer: MedusaError.Types.UNEXPECTED_STATE,
  in_progress: MedusaError.Types.CONFLICT,
};

/** Errors that come from what the caller handed over. */
const INPUT_ERRORS = [AmountError, UnknownCurrencyError, OutTradeNoError, PayTypeNotOfferedError, ReturnUrlError, SessionDataError, QfpayRequestError];

/**
 * One place that turns what went wrong into a MedusaError with the provider's words. The messages of the
 * shared client never carry the client key or request bodies, so they may be passed on.
 */
export function toMedusaError(error: unknown, doing: string): MedusaError {
  if (error instanceof MedusaError) return error;
  if (error instanceof QfpayOperationError) {
    return new MedusaError(OPERATION_ERROR_TYPES[error.code], error.message, error.respcd);
  }
  if (INPUT_ERRORS.some((type) => error instanceof type)) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `QFPay: cannot ${doing}: ${(error as Error).message}`);
  }
  if (error instanceof QfpayGatewayError) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `QFPay refused to ${doing}: ${error.meaning} (${error.respcd})`, error.respcd);
  }
  if (error instanceof QfpayTransportError) {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `QFPay could not be reached to ${doing} (${error.kind}); try again`,
    );
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `QFPay: failed to ${doing}: ${(error as Error)?.message ?? String(error)}`);
}
