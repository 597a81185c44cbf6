/**
 * The wallet-page mode (web/WAP pay types): a link to the wallet's `pay_url`, or with `auto-redirect` the redirect
 * itself, once per code (remembered across the trip to the wallet and back). Every departure is announced with a
 * cancelable qfpay-redirect. Its own chunk, with its view: a storefront that shows QR codes only never loads it.
 */
import { isFinalCheckoutStatus, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { ModeView, ModeViewHost } from "../drop-in-host.js";
import { qfpayEvent } from "../events.js";
import { en, type Messages } from "../i18n/index.js";
import { parseOriginList, safeRedirectUrl } from "../redirect-guard.js";
import { redirectView } from "../views/redirect.js";

export class RedirectController implements ModeView {
  readonly #host: ModeViewHost;

  constructor(host: ModeViewHost) {
    this.#host = host;
  }

  follow(checkout: CheckoutStatus): void {
    if (checkout.mode !== "redirect" || isFinalCheckoutStatus(checkout.status) || !this.#host.autoRedirect) return;
    if (!this.#alreadyRedirected(checkout)) this.#openWallet(checkout);
  }

  render(checkout: CheckoutStatus, m: Messages): unknown {
    return redirectView(checkout, m, this.#safeUrl(checkout), (event, url) => this.#onClick(event, checkout, url));
  }

  #memoryKey(checkout: CheckoutStatus): string {
    return `qfpay-redirected:${checkout.session_id}`;
  }

  #alreadyRedirected(checkout: CheckoutStatus): boolean {
    try {
      return sessionStorage.getItem(this.#memoryKey(checkout)) === checkout.pay_url;
    } catch {
      return false;
    }
  }

  #remember(checkout: CheckoutStatus, url: string): void {
    try {
      sessionStorage.setItem(this.#memoryKey(checkout), url);
    } catch {
      // Storage can be off (private mode): the worst case is one more automatic redirect on return.
    }
  }

  #safeUrl(checkout: CheckoutStatus): URL | null {
    return checkout.pay_url ? safeRedirectUrl(checkout.pay_url, parseOriginList(this.#host.allowedRedirectOrigins)) : null;
  }

  /** Asks the page (qfpay-redirect, cancelable) and, unless it objects, sends the shopper to the wallet. */
  #openWallet(checkout: CheckoutStatus): void {
    const url = this.#safeUrl(checkout);
    if (url === null) {
      this.#host.dispatchEvent(qfpayEvent("qfpay-error", { code: "unsafe_redirect", message: en.errors.unsafe_redirect, transient: false }));
      return;
    }
    this.#remember(checkout, url.href);
    if (this.#mayLeave(url)) window.location.assign(url.href);
  }

  #onClick(event: MouseEvent, checkout: CheckoutStatus, url: URL): void {
    this.#remember(checkout, url.href);
    if (!this.#mayLeave(url)) event.preventDefault();
  }

  #mayLeave(url: URL): boolean {
    return this.#host.dispatchEvent(qfpayEvent("qfpay-redirect", { url: url.href }, { cancelable: true }));
  }
}
