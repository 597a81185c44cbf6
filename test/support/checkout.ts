import { checkoutStatusSchema, type CheckoutStatus, type CheckoutStatusValue } from "@qfpay-medusa/shared";
import { StoreApi, type Cart, type Order, type PaymentSession } from "@qfpay-medusa/demo/store-api";
import { payOnWalletPage } from "./sandbox-client.js";
import { region, type StackInfo } from "./stack-info.js";

/** A unique shopper email per test, so orders can be told apart. */
export function shopperEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@shopper.test`;
}

export function storeApi(info: StackInfo): StoreApi {
  return new StoreApi(info.medusaUrl, info.publishableKey);
}

/** A cart in `currency` with one of each of the first `items` products, an address and shipping: ready to pay. */
export async function cartReadyToPay(info: StackInfo, options: { currency: string; email: string; items?: number }): Promise<Cart> {
  const api = storeApi(info);
  const target = region(info, options.currency);
  const products = await api.products(target.id);
  let cart = await api.createCart(target.id);
  for (const product of products.slice(0, options.items ?? 1)) {
    cart = await api.addItem(cart.id, product.variants[0]!.id);
  }
  const country = options.currency === "hkd" ? "hk" : "sg";
  await api.setContact(cart.id, options.email, {
    first_name: "Mei",
    last_name: "Chan",
    address_1: "1 Harbour Road",
    city: options.currency === "hkd" ? "Hong Kong" : "Singapore",
    country_code: country,
  });
  return api.chooseShipping(cart.id);
}

export async function openQfpaySession(
  info: StackInfo,
  cart: Cart,
  payType: string,
  returnUrl = `${info.storefrontUrl}/?return=${cart.id}`,
): Promise<PaymentSession> {
  return storeApi(info).startQfpaySession(cart, payType, returnUrl);
}

/**
 * Where a session's checkout status is: `store` under the store API (needs the publishable key; the widget's first
 * look, and refresh), `polls` outside it (the widget's held polls, no key).
 */
export function checkoutStatusUrl(medusaUrl: string, sessionId: string, via: "store" | "polls" = "store"): string {
  return `${medusaUrl}${via === "store" ? "/store" : ""}/qfpay/payment-sessions/${sessionId}`;
}

/** The plugin's store route for the widget: the session's checkout status, validated against the shared contract. */
export async function checkoutStatus(info: StackInfo, sessionId: string, refresh = false): Promise<CheckoutStatus> {
  const url = `${checkoutStatusUrl(info.medusaUrl, sessionId)}${refresh ? "/refresh" : ""}`;
  const response = await fetch(url, {
    method: refresh ? "POST" : "GET",
    headers: { "x-publishable-api-key": info.publishableKey },
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return checkoutStatusSchema.parse(body);
}

export async function waitForCheckoutStatus(info: StackInfo, sessionId: string, wanted: CheckoutStatusValue, timeoutMs = 20_000): Promise<CheckoutStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: CheckoutStatus | undefined;
  while (Date.now() < deadline) {
    last = await checkoutStatus(info, sessionId);
    if (last.status === wanted) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Session ${sessionId} did not reach "${wanted}" within ${timeoutMs} ms (last: ${last?.status})`);
}

/** Polls until `probe` returns a value (not undefined) or the time is up. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
}

export type PaidOrder = { cart: Cart; order: Order; session: PaymentSession; status: CheckoutStatus };

/** The whole shopper side: a cart, a QFPay session, paying on the wallet page, completing the cart. */
export async function placePaidOrder(info: StackInfo, options: { currency: string; payType: string; email?: string; items?: number }): Promise<PaidOrder> {
  const email = options.email ?? shopperEmail("paid");
  const cart = await cartReadyToPay(info, { currency: options.currency, email, ...(options.items ? { items: options.items } : {}) });
  const session = await openQfpaySession(info, cart, options.payType);
  const opened = await checkoutStatus(info, session.id);
  const walletPage = opened.qrcode ?? opened.pay_url;
  if (!walletPage) throw new Error(`Session ${session.id} has neither a QR code nor a pay_url`);
  await payOnWalletPage(walletPage);
  const status = await waitForCheckoutStatus(info, session.id, "succeeded");
  const order = await storeApi(info).complete(cart.id);
  return { cart, order, session, status };
}

/** `POST /store/qfpay/payment-sessions/:id/refresh` as the widget sends it: the HTTP status and the JSON answer. */
export async function askForNewCode(info: StackInfo, sessionId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${checkoutStatusUrl(info.medusaUrl, sessionId)}/refresh`, {
    method: "POST",
    headers: { "x-publishable-api-key": info.publishableKey },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The orders placed with `email`, once there is at least one. */
export function ordersOf(admin: { ordersByEmail(email: string): Promise<import("./admin-api.js").AdminOrder[]> }, email: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const orders = await admin.ordersByEmail(email);
      return orders.length ? orders : undefined;
    },
    `an order for ${email}`,
    timeoutMs,
  );
}
