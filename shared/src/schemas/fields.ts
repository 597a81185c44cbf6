import { z } from "zod";
import { MAX_TXAMT } from "../money.js";
import { OUT_TRADE_NO_PATTERN } from "../out-trade-no.js";
import { TXDTM_PATTERN, TXZONE_PATTERN } from "../time.js";

/**
 * Field schemas shared by the endpoint schemas. QFPay is loose about types (numbers arrive as strings
 * and the other way round), so text and counters are coerced; return codes, amounts and ids are checked.
 */

/** A four-digit return code. The reference itself prints `"respcd": 0000` unquoted, so integers are padded. */
export const respcdField = z.union([
  z.string().regex(/^\d{4}$/, "respcd must be four digits"),
  z
    .number()
    .int()
    .min(0)
    .max(9999)
    .transform((code) => String(code).padStart(4, "0")),
]);

/** An amount in minor units (`txamt`): a non-negative integer, as a number or a digit string. */
export const minorAmountField = z.union([
  z.number().int().min(0).max(MAX_TXAMT),
  z
    .string()
    .regex(/^\d{1,11}$/, "amount must be an integer in minor units")
    .transform(Number),
]);

/** A request amount: positive minor units. */
export const positiveMinorAmountField = minorAmountField.refine((amount) => amount > 0, "amount must be above 0");

/** A QFPay or wallet transaction id (`syssn`, `orig_syssn`): digits and letters kept as an exact string. */
export const transactionIdField = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "not a transaction id");

/** `out_trade_no` as QFPay accepts it. */
export const outTradeNoField = z.string().regex(OUT_TRADE_NO_PATTERN, "out_trade_no: 1-128 of A-Z a-z 0-9 _ | *");

export const payTypeField = z.string().regex(/^\d{6}$/, "pay_type must be six digits");

export const currencyField = z.string().regex(/^[A-Za-z]{3}$/, "currency must be three letters");

/** `YYYY-MM-DD hh:mm:ss`. */
export const txdtmField = z.string().regex(TXDTM_PATTERN, "time must be YYYY-MM-DD hh:mm:ss");

export const txzoneField = z.string().regex(TXZONE_PATTERN, "txzone must look like +0800");

/** Free text QFPay may send as a string, a number or null; absent and null become undefined. */
export const looseText = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .transform((value) => (value === null ? undefined : String(value)))
  .optional();

/** A counter (page, page_size) sent as a number or a digit string. */
export const looseCount = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).optional();

/** Request text: numbers are accepted and sent as their decimal form. */
export const requestText = (max: number) => z.union([z.string().max(max), z.number().transform(String)]).pipe(z.string().max(max));

/** Envelope every JSON answer of `/trade/v1/*` carries. */
export const responseEnvelopeShape = {
  respcd: respcdField,
  resperr: looseText,
  respmsg: looseText,
};

/** An optional field QFPay may also send as "" (e.g. `orig_syssn` on a payment): "" reads as absent. */
export const optionalField = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal("").transform(() => undefined), z.null().transform(() => undefined), schema]).optional();
