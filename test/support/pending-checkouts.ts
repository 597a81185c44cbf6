import { StoreApi, type Cart, type PaymentSession } from "@qfpay-medusa/demo/store-api";
import { mapWithConcurrency, pacer } from "./concurrency.js";
import { region, type StackInfo } from "./stack-info.js";

/** A shopper looking at a QFPay QR code they have not paid yet. */
export type PendingCheckout = {
  cartId: string;
  sessionId: string;
  outTradeNo: string;
  /** The instance the shopper's tab talks to. */
  info: StackInfo;
};

const variantIds = new Map<string, Promise<string>>();

function firstVariant(info: StackInfo, regionId: string): Promise<string> {
  let found = variantIds.get(regionId);
  if (!found) {
    found = new StoreApi(info.medusaUrl, info.publishableKey).products(regionId).then((products) => products[0]!.variants[0]!.id);
    variantIds.set(regionId, found);
  }
  return found;
}

/**
 * A cart with one item and an address, made in one request; `completable` adds delivery, so that a paid one
 * can become an order (two more requests, the slow part of making thousands).
 */
async function quickCart(info: StackInfo, email: string, completable: boolean): Promise<Cart> {
  const hk = region(info, "hkd");
  const address = { first_name: "Mei", last_name: "Chan", address_1: "1 Harbour Road", city: "Hong Kong", country_code: "hk" };
  const response = await fetch(`${info.medusaUrl}/store/carts?fields=*items,*payment_collection`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": info.publishableKey },
    body: JSON.stringify({ region_id: hk.id, email, items: [{ variant_id: await firstVariant(info, hk.id), quantity: 1 }], shipping_address: address }),
  });
  const body = (await response.json()) as { cart?: Cart; message?: string };
  if (!response.ok || !body.cart) throw new Error(`POST /store/carts answered ${response.status}: ${body.message ?? ""}`);
  return completable ? new StoreApi(info.medusaUrl, info.publishableKey).chooseShipping(body.cart.id) : body.cart;
}

export type CheckoutOptions = {
  /** The cart has delivery and can become an order once paid; default true. */
  completable?: boolean;
  /** Runs between the cart and the session (the session's QFPay request), e.g. to pace or line them up. */
  beforeSession?: () => Promise<void>;
};

/** One pending QR checkout (HKD, WeChat Pay MPM) made through `info`'s instance. */
export async function openPendingCheckout(info: StackInfo, label: string, options: CheckoutOptions = {}): Promise<PendingCheckout> {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@shopper.test`;
  const cart = await quickCart(info, email, options.completable ?? true);
  await options.beforeSession?.();
  const session: PaymentSession = await new StoreApi(info.medusaUrl, info.publishableKey).startQfpaySession(
    cart,
    "800201",
    `${info.storefrontUrl}/?return=${cart.id}`,
  );
  return { cartId: cart.id, sessionId: session.id, outTradeNo: String(session.data.out_trade_no), info };
}

export type OpeningOptions = Pick<CheckoutOptions, "completable"> & {
  /** Carts made at once. */
  concurrency: number;
  /** At most this many sessions opened per second (each is one QFPay payment request). */
  sessionsPerSecond: number;
  label: string;
};

/** `count` pending checkouts, spread over the instances in turn. */
export function openPendingCheckouts(instances: readonly StackInfo[], count: number, options: OpeningOptions): Promise<PendingCheckout[]> {
  const nextSession = pacer(options.sessionsPerSecond);
  return mapWithConcurrency(
    Array.from({ length: count }, (_, i) => i),
    options.concurrency,
    (i) => openPendingCheckout(instances[i % instances.length]!, options.label, { completable: options.completable ?? true, beforeSession: nextSession }),
  );
}
