import { statusCode } from "@qfpay-medusa/shared";

/**
 * QFPay's answer "no" to a request: a return code and a reason. Endpoints throw it; the server turns it
 * into a signed JSON answer with `respcd`, `resperr` (the code's meaning) and `respmsg` (the reason).
 */
export class QfpayRefusal extends Error {
  override readonly name = "QfpayRefusal";
  constructor(
    readonly respcd: string,
    readonly respmsg: string,
    /** Fields to echo in the answer besides the code, e.g. the `syssn` a refused payment still got. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(`${respcd} ${statusCode(respcd).message}: ${respmsg}`);
  }
}

export type ControlErrorCode = "not_found" | "invalid_state" | "bad_request";

const CONTROL_HTTP_STATUS: Readonly<Record<ControlErrorCode, number>> = {
  not_found: 404,
  invalid_state: 409,
  bad_request: 400,
};

/** A control call (pay, fail, hold, faults, ...) that cannot be done; `code` says why. */
export class SandboxControlError extends Error {
  override readonly name = "SandboxControlError";
  constructor(
    readonly code: ControlErrorCode,
    message: string,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return CONTROL_HTTP_STATUS[this.code];
  }
}

/** Options that cannot start a sandbox: no merchant, a duplicate app code, a bad port. */
export class SandboxConfigError extends Error {
  override readonly name = "SandboxConfigError";
}
