import { z } from "zod";

/** `GET /download/v1/trade_bill`: the clearing statement of one day (production only), answered as a zip file. */
export const tradeBillRequestSchema = z.object({
  trade_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "trade_date must be YYYY-MM-DD")
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), "trade_date is not a real date"),
});
export type TradeBillRequest = z.input<typeof tradeBillRequestSchema>;

export const tradeBillResponseSchema = z.object({
  trade_date: z.string(),
  contentType: z.string(),
  /** The file as received (a zip archive). */
  data: z.instanceof(Uint8Array).refine((bytes) => bytes.length > 0, "empty statement"),
});
export type TradeBillResponse = z.output<typeof tradeBillResponseSchema>;
