import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import type { ConfigModule } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, parseCorsOrigins } from "@medusajs/framework/utils";
import cors from "cors";

/**
 * Medusa applies `http.storeCors` to `/store` routes only: this gives a route outside `/store` the same allowed
 * origins, with Medusa's own options. Built on the first request, when the configuration can be resolved.
 */
export function storeCors(): (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void {
  let handler: ReturnType<typeof cors> | undefined;
  return (req, res, next) => {
    handler ??= cors({
      origin: parseCorsOrigins(req.scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.storeCors),
      credentials: true,
      preflightContinue: false,
    });
    handler(req, res, next);
  };
}
