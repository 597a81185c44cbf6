import { statusCode } from "@qfpay-medusa/shared";

/**
 * `resperr`/`respmsg` for a return code: on success a short word as in the reference's examples
 * (they vary by endpoint), otherwise the code's meaning with the code in brackets, as QFPay writes it.
 */
export function outcomeFields(respcd: string, successText = "success", reason = ""): { resperr: string; respmsg: string } {
  if (respcd === "0000") return { resperr: successText, respmsg: reason };
  return { resperr: `${statusCode(respcd).message} (${respcd})`, respmsg: reason };
}
