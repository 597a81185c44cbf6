import { z } from "zod";

/** Date.parse accepts "2024-02-30"; a round trip does not. */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** `GET /download/v1/trade_bill`: the clearing statement of one day (production only), answered as a zip file. */
export const tradeBillRequestSchema = z.object({
  trade_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "trade_date must be YYYY-MM-DD")
    .refine(isCalendarDate, "trade_date is not a real date"),
});
export type TradeBillRequest = z.input<typeof tradeBillRequestSchema>;

export const tradeBillResponseSchema = z.object({
  trade_date: z.string(),
  contentType: z.string(),
  /** The file as received (a zip archive). */
  data: z.instanceof(Uint8Array).refine((bytes) => bytes.length > 0, "empty statement"),
});
export type TradeBillResponse = z.output<typeof tradeBillResponseSchema>;
