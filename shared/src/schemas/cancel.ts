import { z } from "zod";
import { followUpResponseShape, looseTextFields, orderRequestShape } from "./field-groups.js";
import { minorAmountField, optionalField, outTradeNoField, responseEnvelopeShape, transactionIdField } from "./fields.js";

/**
 * `POST /trade/v1/close` (WeChat MPM and most wallets) and `POST /trade/v1/reversal` (Alipay, CPM, and the
 * pre-authorization unfreeze) take the same parameters: the order by `syssn` or `out_trade_no`.
 */
export const cancelRequestSchema = z
  .object({
    syssn: optionalField(transactionIdField),
    out_trade_no: optionalField(outTradeNoField),
    /** Required by the reference for close/reversal; Alipay and WeChat Pay ignore it. */
    txamt: optionalField(minorAmountField),
    ...orderRequestShape,
  })
  .refine((request) => Boolean(request.syssn || request.out_trade_no), {
    message: "either syssn or out_trade_no is required",
    path: ["syssn"],
  });
export type CancelRequest = z.input<typeof cancelRequestSchema>;

export const closeRequestSchema = cancelRequestSchema;
export type CloseRequest = CancelRequest;
export const reversalRequestSchema = cancelRequestSchema;
export type ReversalRequest = CancelRequest;

export const cancelResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  /** The close/reversal's own transaction id. */
  syssn: optionalField(transactionIdField),
  ...followUpResponseShape,
  ...looseTextFields("txdtm", "sysdtm", "cardcd", "chnlsn", "chnlsn2", "udid"),
});
export type CancelResponse = z.output<typeof cancelResponseSchema>;
export const closeResponseSchema = cancelResponseSchema;
export type CloseResponse = CancelResponse;
export const reversalResponseSchema = cancelResponseSchema;
export type ReversalResponse = CancelResponse;
