/**
 * The Medusa store API calls of the drop-in (`cart-id`) mode: the cart's QFPay pay types, the payment session
 * (created or replaced), and the two WeChat JSAPI sign-in steps. Types only from the checkout contract.
 */
import type { StorePayType, StorePayTypes } from "@qfpay-medusa/shared/checkout";
import { CheckoutApiError, httpError } from "../api.js";
import en from "../i18n/en.js";

export type { StorePayType, StorePayTypes };

export interface StoreEndpoint {
  backendUrl: string;
  publishableKey: string;
}

async function call<T>(endpoint: StoreEndpoint, method: "GET" | "POST", path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint.backendUrl.replace(/\/+$/, "") + path, {
      method,
      headers: {
        accept: "application/json",
        "x-publishable-api-key": endpoint.publishableKey,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      cache: "no-store",
      signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new CheckoutApiError("network", en.errors.network, true);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw httpError(response.status, json);
  if (typeof json !== "object" || json === null) throw new CheckoutApiError("invalid_response", en.errors.invalid_response, false);
  return json as T;
}

export function fetchPayTypes(endpoint: StoreEndpoint, cartId: string, signal?: AbortSignal): Promise<StorePayTypes> {
  return call<StorePayTypes>(endpoint, "GET", `/store/qfpay/pay-types?cart_id=${encodeURIComponent(cartId)}`, undefined, signal).then((answer) => {
    if (!Array.isArray(answer.pay_types)) throw new CheckoutApiError("invalid_response", en.errors.invalid_response, false);
    return answer;
  });
}

export interface NewSession {
  cartId: string;
  providerId: string;
  payType: string;
  returnUrl?: string | undefined;
  subOpenid?: string | undefined;
}

/**
 * Opens the QFPay payment session for the cart, replacing any session the cart's payment collection had
 * (Medusa's "initialize payment session" does that), and answers its id.
 */
export async function createPaymentSession(endpoint: StoreEndpoint, session: NewSession): Promise<string> {
  const cartPath = `/store/carts/${encodeURIComponent(session.cartId)}?fields=id,*payment_collection`;
  const { cart } = await call<{ cart: { payment_collection?: { id: string } | null } }>(endpoint, "GET", cartPath);
  let collectionId = cart.payment_collection?.id;
  if (!collectionId) {
    const created = await call<{ payment_collection: { id: string } }>(endpoint, "POST", "/store/payment-collections", {
      cart_id: session.cartId,
    });
    collectionId = created.payment_collection.id;
  }
  const data: Record<string, string> = { pay_type: session.payType };
  if (session.returnUrl) data.return_url = session.returnUrl;
  if (session.subOpenid) data.sub_openid = session.subOpenid;
  const { payment_collection } = await call<{ payment_collection: { payment_sessions?: { id: string; provider_id: string }[] } }>(
    endpoint,
    "POST",
    `/store/payment-collections/${encodeURIComponent(collectionId)}/payment-sessions`,
    { provider_id: session.providerId, data },
  );
  const opened = payment_collection.payment_sessions?.find((candidate) => candidate.provider_id === session.providerId);
  if (!opened) throw new CheckoutApiError("invalid_response", en.errors.invalid_response, false);
  return opened.id;
}

/** Where to send the shopper (inside WeChat) for the WeChat code; WeChat comes back to `returnUrl`. */
export async function startWechatSignIn(endpoint: StoreEndpoint, providerId: string, returnUrl: string): Promise<string> {
  const { url } = await call<{ url: string }>(endpoint, "POST", "/store/qfpay/wechat/oauth", { return_url: returnUrl, provider_id: providerId });
  return url;
}

/** Exchanges the WeChat code the page came back with for the shopper's openid. */
export async function finishWechatSignIn(
  endpoint: StoreEndpoint,
  answer: { providerId: string; code: string; state: string; pageUrl: string },
): Promise<string> {
  const { openid } = await call<{ openid: string }>(endpoint, "POST", "/store/qfpay/wechat/openid", {
    provider_id: answer.providerId,
    code: answer.code,
    state: answer.state,
    page_url: answer.pageUrl,
  });
  return openid;
}
