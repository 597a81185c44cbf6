import { z } from "zod";
import { followUpRequestShape, followUpResponseShape, looseTextFields } from "./field-groups.js";
import { responseEnvelopeShape, transactionIdField } from "./fields.js";

/** `POST /trade/v1/refund`: a new `out_trade_no` for each refund, against the payment's `syssn`. */
export const refundRequestSchema = z.object(followUpRequestShape);
export type RefundRequest = z.input<typeof refundRequestSchema>;

export const refundResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  /** The refund's own transaction id. */
  syssn: transactionIdField,
  ...followUpResponseShape,
  ...looseTextFields("txdtm", "sysdtm", "paydtm", "udid", "cardcd", "chnlsn"),
});
export type RefundResponse = z.output<typeof refundResponseSchema>;
