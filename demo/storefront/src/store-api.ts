/** The few Medusa store API calls the storefront makes. */
import type { StorePayTypes } from "@qfpay-medusa/shared";

export type Region = { id: string; name: string; currency_code: string; countries: { iso_2: string; display_name: string }[] };
export type Product = {
  id: string;
  title: string;
  description: string | null;
  variants: { id: string; title: string; calculated_price?: { calculated_amount: number; currency_code: string } }[];
};
export type Cart = {
  id: string;
  email: string | null;
  currency_code: string;
  region_id: string;
  total: number;
  items: { id: string; title: string; quantity: number; total: number }[];
  payment_collection?: { id: string; payment_sessions?: PaymentSession[] } | null;
};
export type PaymentSession = { id: string; provider_id: string; status: string; data: Record<string, unknown> };
export type Order = { id: string; display_id: number; email: string; total: number; currency_code: string; payment_status: string };
export type Address = { first_name: string; last_name: string; address_1: string; city: string; country_code: string; phone?: string };

export class StoreApiError extends Error {
  override readonly name = "StoreApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly type?: string,
  ) {
    super(message);
  }
}

export const QFPAY_PROVIDER_ID = "pp_qfpay_qfpay";

const CART_FIELDS = "*items,*payment_collection,*payment_collection.payment_sessions";

export class StoreApi {
  constructor(
    private readonly baseUrl: string,
    private readonly publishableKey: string,
  ) {}

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": this.publishableKey,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      throw new StoreApiError(String(json.message ?? response.statusText), response.status, json.type as string | undefined);
    }
    return json as T;
  }

  async regions(): Promise<Region[]> {
    return (await this.call<{ regions: Region[] }>("GET", "/store/regions?fields=*countries")).regions;
  }

  async products(regionId: string): Promise<Product[]> {
    const query = `region_id=${encodeURIComponent(regionId)}&fields=*variants.calculated_price`;
    return (await this.call<{ products: Product[] }>("GET", `/store/products?${query}`)).products;
  }

  async createCart(regionId: string): Promise<Cart> {
    return (await this.call<{ cart: Cart }>("POST", `/store/carts?fields=${CART_FIELDS}`, { region_id: regionId })).cart;
  }

  async cart(cartId: string): Promise<Cart> {
    return (await this.call<{ cart: Cart }>("GET", `/store/carts/${cartId}?fields=${CART_FIELDS}`)).cart;
  }

  async addItem(cartId: string, variantId: string, quantity = 1): Promise<Cart> {
    const path = `/store/carts/${cartId}/line-items?fields=${CART_FIELDS}`;
    return (await this.call<{ cart: Cart }>("POST", path, { variant_id: variantId, quantity })).cart;
  }

  async setContact(cartId: string, email: string, address: Address): Promise<Cart> {
    const path = `/store/carts/${cartId}?fields=${CART_FIELDS}`;
    return (await this.call<{ cart: Cart }>("POST", path, { email, shipping_address: address, billing_address: address })).cart;
  }

  /** Picks the first shipping option offered for the cart. */
  async chooseShipping(cartId: string): Promise<Cart> {
    const { shipping_options } = await this.call<{ shipping_options: { id: string }[] }>("GET", `/store/shipping-options?cart_id=${cartId}`);
    const option = shipping_options[0];
    if (!option) throw new StoreApiError("No shipping option is offered for this address", 400);
    const path = `/store/carts/${cartId}/shipping-methods?fields=${CART_FIELDS}`;
    return (await this.call<{ cart: Cart }>("POST", path, { option_id: option.id })).cart;
  }

  /** The QFPay wallets the store offers for the cart, for this device (the plugin reads the User-Agent). */
  async payTypes(cartId: string): Promise<StorePayTypes> {
    return this.call<StorePayTypes>("GET", `/store/qfpay/pay-types?cart_id=${encodeURIComponent(cartId)}`);
  }

  /** Creates (or reuses) the cart's payment collection and opens a QFPay session for `payType`. */
  async startQfpaySession(cart: Cart, payType: string, returnUrl: string): Promise<PaymentSession> {
    let collectionId = cart.payment_collection?.id;
    if (!collectionId) {
      const { payment_collection } = await this.call<{ payment_collection: { id: string } }>("POST", "/store/payment-collections", { cart_id: cart.id });
      collectionId = payment_collection.id;
    }
    const { payment_collection } = await this.call<{ payment_collection: { payment_sessions: PaymentSession[] } }>(
      "POST",
      `/store/payment-collections/${collectionId}/payment-sessions`,
      { provider_id: QFPAY_PROVIDER_ID, data: { pay_type: payType, return_url: returnUrl } },
    );
    const session = payment_collection.payment_sessions.find((s) => s.provider_id === QFPAY_PROVIDER_ID);
    if (!session) throw new StoreApiError("Medusa did not open a QFPay payment session", 500);
    return session;
  }

  /** Turns the paid cart into an order (Medusa answers with the order when it already exists). */
  async complete(cartId: string): Promise<Order> {
    const result = await this.call<{ type: "order"; order: Order } | { type: "cart"; error: { message: string } }>("POST", `/store/carts/${cartId}/complete`);
    if (result.type !== "order") throw new StoreApiError(result.error.message, 400);
    return result.order;
  }
}
