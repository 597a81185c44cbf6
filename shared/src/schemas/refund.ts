import { z } from "zod";
import {
  optionalField,
  currencyField,
  looseText,
  minorAmountField,
  outTradeNoField,
  positiveMinorAmountField,
  requestText,
  responseEnvelopeShape,
  transactionIdField,
  txdtmField,
  txzoneField,
} from "./fields.js";

/** `POST /trade/v1/refund`: a new `out_trade_no` for each refund, against the payment's `syssn`. */
export const refundRequestSchema = z.object({
  syssn: transactionIdField,
  out_trade_no: outTradeNoField,
  txamt: positiveMinorAmountField,
  txdtm: txdtmField,
  mchid: requestText(16).optional(),
  txzone: txzoneField.optional(),
  udid: requestText(40).optional(),
});
export type RefundRequest = z.input<typeof refundRequestSchema>;

export const refundResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  /** The refund's own transaction id. */
  syssn: transactionIdField,
  orig_syssn: optionalField(transactionIdField),
  out_trade_no: optionalField(outTradeNoField),
  txamt: optionalField(minorAmountField),
  txcurrcd: optionalField(currencyField),
  txdtm: looseText,
  sysdtm: looseText,
  paydtm: looseText,
  udid: looseText,
  cardcd: looseText,
  chnlsn: looseText,
});
export type RefundResponse = z.output<typeof refundResponseSchema>;
