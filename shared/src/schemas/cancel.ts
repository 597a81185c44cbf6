import { z } from "zod";
import {
  optionalField,
  currencyField,
  looseText,
  minorAmountField,
  outTradeNoField,
  requestText,
  responseEnvelopeShape,
  transactionIdField,
  txdtmField,
  txzoneField,
} from "./fields.js";

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
    txdtm: txdtmField,
    mchid: requestText(16).optional(),
    txzone: txzoneField.optional(),
    udid: requestText(40).optional(),
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
  orig_syssn: optionalField(transactionIdField),
  out_trade_no: optionalField(outTradeNoField),
  txamt: optionalField(minorAmountField),
  txcurrcd: optionalField(currencyField),
  txdtm: looseText,
  sysdtm: looseText,
  cardcd: looseText,
  chnlsn: looseText,
  chnlsn2: looseText,
  udid: looseText,
});
export type CancelResponse = z.output<typeof cancelResponseSchema>;
export const closeResponseSchema = cancelResponseSchema;
export type CloseResponse = CancelResponse;
export const reversalResponseSchema = cancelResponseSchema;
export type ReversalResponse = CancelResponse;
