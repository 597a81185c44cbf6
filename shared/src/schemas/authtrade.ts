import { z } from "zod";
import { followUpRequestShape, followUpResponseShape, looseTextFields } from "./field-groups.js";
import { responseEnvelopeShape, transactionIdField } from "./fields.js";

/**
 * `POST /trade/v1/authtrade`: deduct (capture) from an Alipay pre-authorization freeze, never above the frozen amount.
 * `syssn` is the freeze's (the fund authorization number).
 */
export const authtradeRequestSchema = z.object({
  ...followUpRequestShape,
  return_url: z.string().url().max(512).optional(),
});
export type AuthtradeRequest = z.input<typeof authtradeRequestSchema>;

export const authtradeResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  /** The deduction's own transaction id. */
  syssn: transactionIdField,
  ...followUpResponseShape,
  ...looseTextFields("txdtm", "sysdtm", "cardcd"),
});
export type AuthtradeResponse = z.output<typeof authtradeResponseSchema>;
