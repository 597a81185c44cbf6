import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { toMedusaError } from "../../../../../../providers/qfpay/medusa-errors";
import { qfpayRuntimeOf } from "../../../../../../modules/qfpay/runtime-of";

/**
 * Refunds in full a paid QFPay order that became no order (automatic refunds off): the admin's one click.
 * Only transactions the reconciliation listed as awaiting a refund qualify.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const outTradeNo = req.params.out_trade_no!;
  const { payments } = qfpayRuntimeOf(req.scope);
  const record = await payments.store.get(outTradeNo);
  if (!record || record.kind !== "payment") throw new MedusaError(MedusaError.Types.NOT_FOUND, `QFPay order ${outTradeNo} is not on record`);
  if (record.resolution !== "awaiting_refund") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `QFPay order ${outTradeNo} is not waiting for a refund (${record.resolution ?? "unresolved"})`);
  }
  await payments.store.update(outTradeNo, { resolution: null });
  try {
    await payments.refundOrphan({ ...record, resolution: null }, record.resolution_note ?? "refunded by an admin");
  } catch (error) {
    await payments.store.update(outTradeNo, { resolution: "awaiting_refund" });
    throw toMedusaError(error, "refund the QFPay order");
  }
  const updated = await payments.store.get(outTradeNo);
  res.json({ out_trade_no: outTradeNo, resolution: updated?.resolution ?? null });
}
