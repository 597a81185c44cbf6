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

/** `POST /trade/v1/authtrade`: deduct (capture) from an Alipay pre-authorization freeze, never above the frozen amount. */
export const authtradeRequestSchema = z.object({
  /** The freeze's syssn (fund authorization number). */
  syssn: transactionIdField,
  out_trade_no: outTradeNoField,
  txamt: positiveMinorAmountField,
  txdtm: txdtmField,
  mchid: requestText(16).optional(),
  txzone: txzoneField.optional(),
  udid: requestText(40).optional(),
  return_url: z.string().url().max(512).optional(),
});
export type AuthtradeRequest = z.input<typeof authtradeRequestSchema>;

export const authtradeResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  syssn: transactionIdField,
  orig_syssn: optionalField(transactionIdField),
  out_trade_no: optionalField(outTradeNoField),
  txamt: optionalField(minorAmountField),
  txcurrcd: optionalField(currencyField),
  txdtm: looseText,
  sysdtm: looseText,
  cardcd: looseText,
});
export type AuthtradeResponse = z.output<typeof authtradeResponseSchema>;
