import { z } from "zod";
import {
  optionalField,
  currencyField,
  looseText,
  minorAmountField,
  outTradeNoField,
  payTypeField,
  respcdField,
  transactionIdField,
} from "./fields.js";

/** `notify_type` values seen; unknown ones are accepted as text. */
export const NOTIFY_TYPES = ["payment", "refund", "close", "unfreeze"] as const;

/**
 * The JSON body QFPay posts to the merchant's notification URL. Extra fields will be added over time:
 * they are kept. `cancel` differs between documentation generations, so it stays plain text.
 */
export const notificationSchema = z.looseObject({
  notify_type: z.string().min(1),
  respcd: respcdField,
  syssn: transactionIdField,
  out_trade_no: outTradeNoField,
  txamt: minorAmountField,
  txcurrcd: currencyField,
  pay_type: optionalField(payTypeField),
  status: looseText,
  cancel: looseText,
  txdtm: looseText,
  sysdtm: looseText,
  paydtm: looseText,
  mchid: looseText,
  orig_syssn: optionalField(transactionIdField),
  goods_name: looseText,
  goods_info: looseText,
  exchange_rate: looseText,
  cash_fee: looseText,
  cash_fee_type: looseText,
  chnlsn: looseText,
  chnlsn2: looseText,
  cardcd: looseText,
});
export type Notification = z.output<typeof notificationSchema>;
