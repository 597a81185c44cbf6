import { z } from "zod";
import { checkoutModeSchema } from "@qfpay-medusa/shared";
import { QFPAY_STATES } from "./state-mapping";

/** One refund as it was sent to QFPay. */
export const refundRecordSchema = z.object({
  out_trade_no: z.string(),
  /** QFPay's id of the refund transaction, once known. */
  syssn: z.string().optional(),
  /** The transaction refunded (the payment, or the authtrade of a pre-authorization). */
  orig_syssn: z.string(),
  amount: z.number().int().positive(),
  status: z.enum(["succeeded", "pending"]),
  /** Medusa's idempotency key of the refund, so a retried call does not refund twice. */
  idempotency_key: z.string().optional(),
  requested_at: z.string(),
  notified_at: z.string().optional(),
});
export type RefundRecord = z.infer<typeof refundRecordSchema>;

/** The deduction from a pre-authorization (`/trade/v1/authtrade`). */
export const captureRecordSchema = z.object({
  out_trade_no: z.string(),
  syssn: z.string(),
  amount: z.number().int().positive(),
  captured_at: z.string(),
});
export type CaptureRecord = z.infer<typeof captureRecordSchema>;

/**
 * What the provider keeps in Medusa's `session.data` / `payment.data`. The storefront can read it,
 * so it holds what the checkout needs and QFPay's public ids, never a key or a signature.
 */
export const qfpaySessionDataSchema = z.object({
  session_id: z.string().min(1),
  /** 1 for the first QFPay order of the session, +1 for each new code. */
  attempt: z.number().int().positive(),
  pay_type: z.string().regex(/^\d{6}$/),
  wallet: z.string(),
  mode: checkoutModeSchema,
  preauth: z.boolean(),
  qrcode: z.string().optional(),
  pay_url: z.string().optional(),
  /** WeChat JSAPI: the parameters of WeChat's payment sheet. */
  pay_params: z.record(z.string(), z.unknown()).optional(),
  /** WeChat JSAPI: the shopper's openid, for a new code of the same session. */
  sub_openid: z.string().optional(),
  syssn: z.string().optional(),
  out_trade_no: z.string(),
  /** Minor units of `currency_code` (QFPay `txamt`). */
  amount: z.number().int().positive(),
  currency_code: z.string().length(3),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  state: z.enum(QFPAY_STATES),
  /** A short reason for failed, canceled and expired states, fit to show. */
  state_message: z.string().optional(),
  /** When QFPay first answered "in progress" (1143/1145) for this order. */
  processing_since: z.string().optional(),
  return_url: z.string().optional(),
  capture: captureRecordSchema.optional(),
  refunds: z.array(refundRecordSchema).default([]),
  /** The note added to the QFPay transaction (the Medusa order's display id). */
  note: z.string().optional(),
});
export type QfpaySessionData = z.infer<typeof qfpaySessionDataSchema>;

export class SessionDataError extends Error {
  override readonly name = "SessionDataError";
}

/** Reads the provider's data back from Medusa; throws `SessionDataError` when it is not ours or is damaged. */
export function readSessionData(data: unknown): QfpaySessionData {
  const parsed = qfpaySessionDataSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join(".") || "(data)").join(", ");
    throw new SessionDataError(`The payment data is not a QFPay order (bad fields: ${where})`);
  }
  return parsed.data;
}

export function isQfpaySessionData(data: unknown): boolean {
  return qfpaySessionDataSchema.safeParse(data).success;
}

/** Minor units refunded so far (succeeded and pending refunds both count against the balance). */
export function refundedAmount(data: QfpaySessionData): number {
  return data.refunds.reduce((sum, refund) => sum + refund.amount, 0);
}

/** The transaction a refund is drawn on: the authtrade for a captured pre-authorization, else the payment. */
export function refundableSyssn(data: QfpaySessionData): string | undefined {
  return data.preauth ? data.capture?.syssn : data.syssn;
}

/** The state of the order once QFPay reports it paid: a pre-authorization is frozen until captured. */
export function paidStateOf(data: QfpaySessionData): "paid" | "frozen" {
  return data.preauth && !data.capture ? "frozen" : "paid";
}

/** The amount that was actually taken from the shopper, in minor units. */
export function collectedAmount(data: QfpaySessionData): number {
  return data.preauth ? (data.capture?.amount ?? 0) : data.amount;
}
