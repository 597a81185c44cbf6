import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";

export interface CartForPayTypes {
  id: string;
  currency_code: string;
  /** Enabled payment providers of the cart's region. */
  providerIds: string[];
}

/** The cart's currency and its region's enabled payment providers; a missing or completed cart is "not found". */
export async function lookUpCart(scope: MedusaContainer, cartId: string): Promise<CartForPayTypes> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "completed_at", "region.payment_providers.id", "region.payment_providers.is_enabled"],
    filters: { id: cartId },
  });
  const cart = data[0] as
    | {
        id: string;
        currency_code: string;
        completed_at?: string | null;
        region?: { payment_providers?: { id: string; is_enabled?: boolean }[] | null } | null;
      }
    | undefined;
  if (!cart || cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`);
  const providers = cart.region?.payment_providers ?? [];
  return {
    id: cart.id,
    currency_code: cart.currency_code,
    providerIds: providers.filter((provider) => provider.is_enabled !== false).map((provider) => provider.id),
  };
}
