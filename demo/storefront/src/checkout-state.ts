/** What survives a reload or the round trip to a wallet's page: the cart and the open payment session. */
export type CheckoutState = {
  regionId?: string;
  cartId?: string;
  sessionId?: string;
  /** The widget's drop-in (cart-id) took over: it lists the wallets and opens the session itself. */
  dropIn?: boolean;
};

const KEY = "qfpay-demo-checkout";

export function loadState(): CheckoutState {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "{}") as CheckoutState;
  } catch {
    return {};
  }
}

export function saveState(state: CheckoutState): void {
  sessionStorage.setItem(KEY, JSON.stringify(state));
}

export function clearCart(): void {
  const { regionId } = loadState();
  saveState(regionId ? { regionId } : {});
}
