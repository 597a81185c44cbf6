import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows";
import { handleQfpayNotification } from "../../../../lib/notification-handler";
import { gatewayForNotification } from "../../../../lib/qfpay-gateways";
import { rawBodyOf } from "../../../../lib/raw-body";
import { checkoutStatusServiceOf, configModuleOf, lockOf, paymentsOf } from "../../../../lib/request-context";

/**
 * QFPay's asynchronous notifications. QFPay retries (2m, 10m, 10m, 60m, 2h, 6h, 15h) until it gets HTTP 200 with
 * the body SUCCESS. With several QFPay providers configured, name one: `?provider=<id>`.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);
  const hint = typeof req.query.provider === "string" ? req.query.provider : undefined;
  const gateway = gatewayForNotification(configModuleOf(req.scope), hint);
  if (!gateway) {
    logger.error(`QFPay notification: no QFPay provider ${hint ? `"${hint}" ` : ""}is configured (add ?provider=<id> when there are several)`);
    res.status(404).type("text/plain").send("FAIL");
    return;
  }
  let rawBody: Buffer;
  try {
    rawBody = await rawBodyOf(req);
  } catch (error) {
    logger.warn(`QFPay notification unreadable: ${(error as Error).message}`);
    res.status(413).type("text/plain").send("FAIL");
    return;
  }
  const answer = await handleQfpayNotification(
    { rawBody, headers: req.headers as Record<string, unknown> },
    {
      gateway,
      payments: paymentsOf(req.scope),
      status: checkoutStatusServiceOf(req.scope),
      lock: lockOf(req.scope),
      logger,
      processPayment: async (input) => {
        await processPaymentWorkflow(req.scope).run({ input });
      },
    },
  );
  res.status(answer.status).type("text/plain").send(answer.body);
}
