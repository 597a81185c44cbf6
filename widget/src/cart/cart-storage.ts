/** What the drop-in remembers per cart across a wallet's page or WeChat's sign-in: the session, or the pending JSAPI choice. */
export interface CartMemory {
  sessionId?: string;
  /** Set while the shopper is away signing in to WeChat: what to open on return. */
  pending?: { payType: string; providerId: string };
}

const key = (cartId: string) => `qfpay-cart:${cartId}`;

export function recall(cartId: string): CartMemory {
  try {
    return JSON.parse(sessionStorage.getItem(key(cartId)) ?? "{}") as CartMemory;
  } catch {
    return {};
  }
}

export function remember(cartId: string, memory: CartMemory): void {
  try {
    sessionStorage.setItem(key(cartId), JSON.stringify(memory));
  } catch {
    // Storage off (private mode): a reload then starts from the picker, which replaces the session.
  }
}

/** The OAuth answer on this page's URL, if WeChat just sent the shopper back. */
export function oauthAnswer(location: Location): { code: string; state: string; pageUrl: string } | undefined {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const state = params.get("qfpay_oauth");
  return code && state ? { code, state, pageUrl: location.href } : undefined;
}

/** This page's URL without the OAuth answer (to come back to, and to show once the code is used). */
export function pageWithoutOauth(location: Location): string {
  const url = new URL(location.href);
  for (const name of ["code", "state", "qfpay_oauth"]) url.searchParams.delete(name);
  return url.toString();
}
