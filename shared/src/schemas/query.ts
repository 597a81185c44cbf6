import { z } from "zod";
import { looseTextFields } from "./field-groups.js";
import {
  currencyField,
  looseCount,
  minorAmountField,
  optionalField,
  outTradeNoField,
  payTypeField,
  requestText,
  respcdField,
  responseEnvelopeShape,
  transactionIdField,
  txdtmField,
  txzoneField,
} from "./fields.js";

/** Comma-separated list of ids, as the query endpoint takes them. */
const idList = (item: z.ZodString) =>
  z
    .union([
      z.string(),
      z
        .array(z.string())
        .min(1)
        .transform((items) => items.join(",")),
    ])
    .pipe(z.string().refine((text) => text.split(",").every((id) => item.safeParse(id).success), "malformed id list"));

/** `POST /trade/v1/query`: by syssn or out_trade_no (comma-separated lists allowed), or a time window. */
export const queryRequestSchema = z.object({
  mchid: requestText(16).optional(),
  syssn: idList(transactionIdField).optional(),
  out_trade_no: idList(outTradeNoField).optional(),
  pay_type: z
    .string()
    .regex(/^\d{6}(,\d{6})*$/)
    .optional(),
  respcd: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  start_time: txdtmField.optional(),
  end_time: txdtmField.optional(),
  txzone: txzoneField.optional(),
  page: z
    .union([
      z.number().int().min(1),
      z
        .string()
        .regex(/^[1-9]\d*$/)
        .transform(Number),
    ])
    .optional(),
  page_size: z
    .union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(1).max(100))
    .optional(),
});
export type QueryRequest = z.input<typeof queryRequestSchema>;

/** `order_type` values seen; others are kept as they come. */
export const ORDER_TYPES = ["payment", "refund", "close", "reversal", "authtrade"] as const;

/** One transaction as the query endpoint lists it; `respcd` here is the transaction's own state. */
export const queryRecordSchema = z.looseObject({
  syssn: transactionIdField,
  out_trade_no: optionalField(outTradeNoField),
  order_type: z.string().min(1),
  respcd: respcdField,
  txamt: minorAmountField,
  txcurrcd: currencyField,
  pay_type: optionalField(payTypeField),
  origssn: optionalField(transactionIdField),
  orig_syssn: optionalField(transactionIdField),
  ...looseTextFields("cancel", "errmsg", "txdtm", "sysdtm", "paydtm", "goods_name", "goods_info", "chnlsn", "chnlsn2", "udid", "cardtp", "clisn", "userid"),
});
export type QueryRecord = z.output<typeof queryRecordSchema>;

export const queryResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  data: z.array(queryRecordSchema),
  page: looseCount,
  page_size: looseCount,
});
export type QueryResponse = z.output<typeof queryResponseSchema>;
