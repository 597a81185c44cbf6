import { createQfpayClient } from "../providers/qfpay/client-factory";
import { QfpayOrders } from "../providers/qfpay/qfpay-orders";
import { configuredQfpayProviders, type ConfiguredQfpayProvider } from "./configured-providers";

/** A configured QFPay provider with the orders service that talks to its QFPay merchant account. */
export interface QfpayGateway extends ConfiguredQfpayProvider {
  orders: QfpayOrders;
}

// One set per loaded configuration: the clients hold no state beyond their options.
const byConfig = new WeakMap<object, ReadonlyMap<string, QfpayGateway>>();

export function qfpayGateways(configModule: object): ReadonlyMap<string, QfpayGateway> {
  let gateways = byConfig.get(configModule);
  if (!gateways) {
    gateways = new Map(
      configuredQfpayProviders(configModule).map((provider) => [
        provider.providerId,
        { ...provider, orders: new QfpayOrders(createQfpayClient(provider.options), provider.options) },
      ]),
    );
    byConfig.set(configModule, gateways);
  }
  return gateways;
}

/** The gateway of a payment session's provider id (`pp_qfpay_<id>`), if it is a configured QFPay provider. */
export function gatewayForProvider(configModule: object, providerId: string): QfpayGateway | undefined {
  return qfpayGateways(configModule).get(providerId);
}

/**
 * The gateway a notification is for: the one named by `id` (e.g. `?provider=qfpay`), else the only one configured.
 * Undefined when it is ambiguous or unknown.
 */
export function gatewayForNotification(configModule: object, id: string | undefined): QfpayGateway | undefined {
  const gateways = [...qfpayGateways(configModule).values()];
  if (id !== undefined) return gateways.find((gateway) => gateway.id === id || gateway.providerId === id);
  return gateways.length === 1 ? gateways[0] : undefined;
}
