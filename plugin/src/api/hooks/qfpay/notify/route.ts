import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { rawBodyOf } from "../../../../notifications/raw-body";
import { medusaStoreOrders } from "../../../../medusa/store-orders";
import { qfpayRuntimeOf } from "../../../../modules/qfpay/runtime-of";

/**
 * QFPay's asynchronous notifications. QFPay retries (2m, 10m, 10m, 60m, 2h, 6h, 15h) until it gets HTTP 200 with
 * the body SUCCESS, which it gets once the notification is on record.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);
  let rawBody: Buffer;
  try {
    rawBody = await rawBodyOf(req);
  } catch (error) {
    logger.warn(`QFPay notification unreadable: ${(error as Error).message}`);
    res.status(413).type("text/plain").send("FAIL");
    return;
  }
  const answer = await qfpayRuntimeOf(req.scope).receiveNotification(
    { rawBody, headers: req.headers as Record<string, unknown> },
    medusaStoreOrders(req.scope),
  );
  res.status(answer.status).type("text/plain").send(answer.body);
}
