import type { MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { QFPAY_MODULE } from "../modules/qfpay";
import type { ResolvedQfpayOptions } from "../qfpay";

/** A request's container for route tests: the plugin's module configured with `options`, and Medusa's query when given. */
export function fakeScope(options: ResolvedQfpayOptions, query?: Pick<RemoteQueryFunction, "graph">): MedusaContainer {
  const module = { configured: true, runtime: () => ({ options }) };
  const resolve = (key: string) => (key === QFPAY_MODULE ? module : key === ContainerRegistrationKeys.QUERY ? query : undefined);
  return { resolve } as unknown as MedusaContainer;
}
