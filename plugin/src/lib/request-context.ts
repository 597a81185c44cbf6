import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { CheckoutStatusService, type LockLike } from "./checkout-status/checkout-status-service";
import { ObservedStateStore, type CacheLike } from "./checkout-status/observed-state-store";
import { isQfpaySessionData } from "../providers/qfpay/session-data";
import { isQfpayProviderId } from "./configured-providers";
import { MemoryCache } from "./memory-cache";
import type { PaymentsLike } from "./notification-handler";
import { gatewayForProvider, type QfpayGateway } from "./qfpay-gateways";

const fallbackCache = new MemoryCache();

export function paymentsOf(scope: MedusaContainer): PaymentsLike {
  return scope.resolve(Modules.PAYMENT) as unknown as PaymentsLike;
}

export function paymentSessionsOf(scope: MedusaContainer): PaymentSessionsLike {
  return scope.resolve(Modules.PAYMENT) as unknown as PaymentSessionsLike;
}

export function lockOf(scope: MedusaContainer): LockLike | undefined {
  return scope.resolve<LockLike | undefined>(Modules.LOCKING, { allowUnregistered: true }) ?? undefined;
}

export function checkoutStatusServiceOf(scope: MedusaContainer): CheckoutStatusService {
  const cache = scope.resolve<CacheLike | undefined>(Modules.CACHE, { allowUnregistered: true }) ?? fallbackCache;
  const logger = scope.resolve<{ warn(message: string): void }>(ContainerRegistrationKeys.LOGGER);
  return new CheckoutStatusService({ store: new ObservedStateStore(cache), lock: lockOf(scope), logger });
}

export function configModuleOf(scope: MedusaContainer): object {
  return scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as object;
}

/** The session fields the store routes read. */
export interface QfpaySessionRow {
  id: string;
  provider_id: string;
  status: string;
  amount: number;
  currency_code: string;
  data: Record<string, unknown>;
}

export interface PaymentSessionsLike {
  retrievePaymentSession(id: string, config?: { select?: string[] }): Promise<QfpaySessionRow>;
  updatePaymentSession(data: {
    id: string;
    data: Record<string, unknown>;
    amount: number;
    currency_code: string;
  }): Promise<QfpaySessionRow>;
}

const SESSION_FIELDS = ["id", "provider_id", "status", "amount", "currency_code", "data"];

/**
 * A payment session of a configured QFPay provider, with that provider's gateway. Unknown sessions and
 * sessions of other providers are both "not found", so the route tells nothing about them.
 */
export async function loadQfpaySession(
  scope: MedusaContainer,
  id: string,
): Promise<{ session: QfpaySessionRow; gateway: QfpayGateway }> {
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Payment session ${id} was not found`);
  const session = await paymentSessionsOf(scope)
    .retrievePaymentSession(id, { select: SESSION_FIELDS })
    .catch((error: unknown) => {
      if ((error as { type?: string }).type === MedusaError.Types.NOT_FOUND) return undefined;
      throw error;
    });
  if (!session || !isQfpayProviderId(session.provider_id)) throw notFound;
  const gateway = gatewayForProvider(configModuleOf(scope), session.provider_id);
  if (!gateway || !isQfpaySessionData(session.data)) throw notFound;
  return { session, gateway };
}
