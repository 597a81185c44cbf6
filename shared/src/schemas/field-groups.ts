import {
  currencyField,
  looseText,
  minorAmountField,
  optionalField,
  outTradeNoField,
  positiveMinorAmountField,
  requestText,
  transactionIdField,
  txdtmField,
  txzoneField,
} from "./fields.js";

/** Groups of fields that several endpoint schemas share; each schema spreads the groups it takes. */

/** The request time and the merchant ids every order request takes (payment, refund, close/reversal, authtrade). */
export const orderRequestShape = {
  txdtm: txdtmField,
  mchid: requestText(16).optional(),
  txzone: txzoneField.optional(),
  udid: requestText(40).optional(),
};

/** A request that acts on an earlier transaction (refund, authtrade) under a new `out_trade_no`. */
export const followUpRequestShape = {
  /** The transaction acted on: the payment for a refund, the freeze for an authtrade. */
  syssn: transactionIdField,
  out_trade_no: outTradeNoField,
  txamt: positiveMinorAmountField,
  ...orderRequestShape,
};

/** The amount an answer repeats; some answers leave it out or send "". */
export const echoedAmountShape = {
  txamt: optionalField(minorAmountField),
  txcurrcd: optionalField(currencyField),
};

/** What refund, close/reversal and authtrade answer about the transaction they act on. */
export const followUpResponseShape = {
  orig_syssn: optionalField(transactionIdField),
  out_trade_no: optionalField(outTradeNoField),
  ...echoedAmountShape,
};

/** Fields QFPay sends as free text (times, wallet references), each read with `looseText`. */
export function looseTextFields<const Name extends string>(...names: Name[]): Record<Name, typeof looseText> {
  return Object.fromEntries(names.map((name) => [name, looseText])) as Record<Name, typeof looseText>;
}
