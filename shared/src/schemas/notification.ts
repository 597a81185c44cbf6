import { z } from "zod";
import { looseTextFields } from "./field-groups.js";
import { currencyField, minorAmountField, optionalField, outTradeNoField, payTypeField, respcdField, transactionIdField } from "./fields.js";

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
  orig_syssn: optionalField(transactionIdField),
  ...looseTextFields(
    "status",
    "cancel",
    "txdtm",
    "sysdtm",
    "paydtm",
    "mchid",
    "goods_name",
    "goods_info",
    "exchange_rate",
    "cash_fee",
    "cash_fee_type",
    "chnlsn",
    "chnlsn2",
    "cardcd",
  ),
});
export type Notification = z.output<typeof notificationSchema>;
