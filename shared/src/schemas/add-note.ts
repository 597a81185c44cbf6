import { z } from "zod";
import { responseEnvelopeShape, transactionIdField } from "./fields.js";

/** `POST /trade/v1/add_note`: a remark shown in the merchant portal. `code` is the app code. */
export const addNoteRequestSchema = z.object({
  code: z.string().min(1).max(32),
  syssn: transactionIdField,
  note: z.string().min(1).max(200),
});
export type AddNoteRequest = z.input<typeof addNoteRequestSchema>;

export const addNoteResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  data: z.looseObject({ syssn: transactionIdField }).optional(),
});
export type AddNoteResponse = z.output<typeof addNoteResponseSchema>;
