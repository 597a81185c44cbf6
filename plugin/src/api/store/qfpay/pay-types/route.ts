import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { deviceClassOf, isDeviceClass } from "@qfpay-medusa/shared";
import { lookUpCart } from "../../../../pay-types/cart-lookup";
import { merchantRegionOf, payTypesAnswer } from "../../../../pay-types/cart-pay-types";
import { qfpayProviderAmong } from "../../../../pay-types/qfpay-provider-runtime";

/**
 * The QFPay pay types this store offers for a cart (shared contract: `storePayTypesSchema`):
 * `GET /store/qfpay/pay-types?cart_id=…[&device=desktop|phone|wechat]`. Without `device`, the User-Agent decides.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const cartId = typeof req.query.cart_id === "string" ? req.query.cart_id.trim() : "";
  if (cartId === "") throw new MedusaError(MedusaError.Types.INVALID_DATA, "cart_id is required");
  const cart = await lookUpCart(req.scope, cartId);
  const provider = qfpayProviderAmong(req.scope, cart.providerIds);
  const requested = req.query.device;
  const device = isDeviceClass(requested) ? requested : deviceClassOf(req.get("user-agent"));
  const body = payTypesAnswer({
    cartId: cart.id,
    currency: cart.currency_code,
    providerId: provider?.providerId ?? null,
    payTypes: provider?.options.payTypes ?? { default: "800201", byCurrency: {}, storefrontMayChoose: false },
    merchantRegion: merchantRegionOf(provider?.options.environment),
    device,
  });
  res.set("Cache-Control", "no-store").set("Vary", "User-Agent").json(body);
}
