import { LitElement, html, type TemplateResult } from "lit";
import { isFinalCheckoutStatus, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import { Announcer } from "./controllers/announcer.js";
import { CheckoutStatusController, type CheckoutState } from "./controllers/checkout-status.js";
import { LocalizeController } from "./controllers/localize.js";
import { OnDemand } from "./controllers/on-demand.js";
import { DEFAULT_POLL_TIMING } from "./controllers/status-poller.js";
import type { CartFlowLike, DropInHooks, ModeView } from "./drop-in-host.js";
import type { Messages } from "./i18n/index.js";
import type { QrSvgGeometry } from "./qr-svg.js";
import { checkoutStyles } from "./styles.js";
import { errorView } from "./views/error.js";
import { headerView } from "./views/header.js";
import { loadingView } from "./views/loading.js";
import { qrCodeView, samePhoneView } from "./views/qr.js";
import { resultView } from "./views/result.js";
import { statusLineView } from "./views/status-line.js";
import { RESULT_VIEWS, statusText } from "./views/status-text.js";
import { timeLeftText, timeLeftView } from "./views/time-left.js";

/**
 * A drop-in checkout for QFPay wallets (WeChat Pay, Alipay, FPS, PayMe, ...) in a Medusa storefront.
 * Shows the wallet's QR code (or a button to the wallet's page), follows the payment's status through
 * the plugin's store route, counts down to the code's expiry and offers a new code when it runs out.
 * The storefront completes the cart when `qfpay-succeeded` fires.
 *
 * Two ways to use it: give `session-id` when the storefront opens the QFPay payment session itself; or give
 * `cart-id` for the complete drop-in, which lists the cart's wallets (the device's best first), opens or
 * replaces the session through Medusa's store API, and then follows it. Inside WeChat it offers WeChat Pay
 * JSAPI (800207): the shopper signs in to WeChat through QFPay (or the page passes `wechat-openid`) and pays
 * in WeChat's own payment sheet.
 *
 * @tag qfpay-checkout
 *
 * @attr backend-url - The Medusa backend's URL (http or https), e.g. `https://shop.example.com`.
 * @attr publishable-key - The store's publishable API key (sent as `x-publishable-api-key`).
 * @attr session-id - The Medusa payment session id of the QFPay payment (the storefront opened it).
 * @attr cart-id - Drop-in mode: the Medusa cart to pay; the element lists its wallets and opens the session itself.
 * @attr wechat-openid - Drop-in, inside WeChat: the shopper's openid for merchants with their own official account (else QFPay's sign-in is used).
 * @attr return-url - Drop-in: where wallet pages and WeChat's sign-in send the shopper back (default: this page).
 * @attr locale - Language: `en`, `zh-HK`, `zh-CN`, `ja` or `th` (or any tag starting so). Defaults to the page's `lang`.
 * @attr poll-interval - First delay between status checks in ms (default 2000); at most 2 s while the code is fresh, and 10 s after two quiet minutes.
 * @attr auto-redirect - For wallets paid on their own web page: go there without waiting for a click.
 * @attr allowed-redirect-origins - Space-separated http origins the element may redirect to besides https URLs (a local sandbox).
 * @attr theme - `auto` (default, follows the system), `light` or `dark`.
 *
 * @fires qfpay-status - Every status change. Detail: `{ status, previous, checkout }`.
 * @fires qfpay-succeeded - The payment succeeded: complete the cart now. Detail: `{ sessionId, checkout }`.
 * @fires qfpay-failed - The payment failed or was canceled. Detail: `{ sessionId, status, message, checkout }`.
 * @fires qfpay-expired - The code expired (by the server's clock). Detail: `{ sessionId, expiresAt }`.
 * @fires qfpay-error - Bad configuration, unknown session or a network problem. Detail: `{ code, message, transient }`.
 * @fires qfpay-redirect - About to open the wallet's page (or, in the drop-in, WeChat's sign-in); cancelable (call `preventDefault()` to navigate yourself). Detail: `{ url }`.
 * @fires qfpay-session - Drop-in: a payment session was opened for the cart (replacing its earlier one). Detail: `{ sessionId, cartId, payType }`.
 *
 * @slot actions - Extra actions shown under a failed, canceled or expired payment (e.g. "Choose another payment method").
 *
 * @csspart base - The card around everything.
 * @csspart header - Wallet mark, name and amount.
 * @csspart mark - The wallet's round mark.
 * @csspart amount - The amount to pay.
 * @csspart qr - The QR code (an SVG with its light quiet zone).
 * @csspart instructions - How to pay with this wallet.
 * @csspart copy-button - The button that copies the code's text.
 * @csspart countdown - Time left, as text and progress bar.
 * @csspart progress - The progress bar of the time left.
 * @csspart status - The line saying what the checkout waits for.
 * @csspart same-phone - Help for paying from the phone showing the code (small screens only).
 * @csspart redirect-button - The button to the wallet's page.
 * @csspart action - The button of a final or error state (new code, try again).
 * @csspart result - The success, failure, cancel or expiry view.
 * @csspart error - The error view.
 * @csspart picker - Drop-in: the wallet choice (a form).
 * @csspart wallet-option - Drop-in: one wallet of the choice (a label around a radio button).
 * @csspart pay-button - Drop-in: the button that opens the payment with the chosen wallet.
 * @csspart change-wallet - Drop-in: the button back to the wallet choice.
 * @csspart wechat-pay-button - WeChat Pay JSAPI: the button that opens WeChat's payment sheet.
 *
 * @cssprop --qfpay-color-accent - Buttons, progress and focus ring.
 * @cssprop --qfpay-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --qfpay-color-surface - Card background.
 * @cssprop --qfpay-color-text - Main text.
 * @cssprop --qfpay-color-muted - Secondary text.
 * @cssprop --qfpay-color-border - Borders.
 * @cssprop --qfpay-color-subtle - Quiet backgrounds (progress track, hints).
 * @cssprop --qfpay-color-success - Success icon.
 * @cssprop --qfpay-color-danger - Failure icon.
 * @cssprop --qfpay-qr-dark - QR modules (default black; keep it dark).
 * @cssprop --qfpay-qr-light - QR background and quiet zone (default white, also in dark themes).
 * @cssprop --qfpay-qr-size - Rendered size of the QR code (default 232px).
 * @cssprop --qfpay-radius - Corner radius of the card (buttons follow).
 * @cssprop --qfpay-spacing - Base spacing unit.
 * @cssprop --qfpay-font-family - Font.
 * @cssprop --qfpay-max-width - Maximum width of the card (default 400px).
 */
export class QfpayCheckout extends LitElement {
  static override styles = checkoutStyles;

  static override properties = {
    backendUrl: { type: String, attribute: "backend-url" },
    publishableKey: { type: String, attribute: "publishable-key" },
    sessionId: { type: String, attribute: "session-id" },
    cartId: { type: String, attribute: "cart-id" },
    locale: { type: String },
    pollInterval: { type: Number, attribute: "poll-interval" },
    autoRedirect: { type: Boolean, attribute: "auto-redirect" },
    allowedRedirectOrigins: { type: String, attribute: "allowed-redirect-origins" },
    theme: { type: String, reflect: true },
    copied: { state: true, attribute: false },
  };

  /** The Medusa backend's URL. */
  declare backendUrl: string;
  /** The store's publishable API key. */
  declare publishableKey: string;
  /** The Medusa payment session id. */
  declare sessionId: string;
  /** Drop-in mode: the Medusa cart id. */
  declare cartId: string;
  /** Language tag; empty means the page's `lang`. */
  declare locale: string;
  /** First delay between status checks, ms. */
  declare pollInterval: number;
  /** Open the wallet's page without waiting for a click (redirect wallets only). */
  declare autoRedirect: boolean;
  /** Space-separated http origins allowed as redirect targets besides https URLs. */
  declare allowedRedirectOrigins: string;
  /** `auto`, `light` or `dark`. */
  declare theme: "auto" | "light" | "dark";

  /** How the last copy of a code went (the button says so while that code is shown). */
  declare private copied: { text: string; ok: boolean } | undefined;

  readonly #localize = new LocalizeController(this, () => this.locale);
  readonly #announcer = new Announcer(this);

  readonly #status = new CheckoutStatusController(this, {
    args: () => [this.backendUrl.trim(), this.publishableKey.trim(), this.#sessionToFollow],
    pollInterval: () => this.pollInterval,
    onStatus: (checkout, changed) => {
      if (changed) this.#announce(statusText(this.#text, checkout.status));
      if (checkout.mode !== "qr") this.#modeViews[checkout.mode].get()?.follow(checkout);
    },
    onCodeExpired: () => this.#announce(this.#text.expiredTitle),
    onTimeLeft: (seconds) => this.#announce(timeLeftText(this.#text, seconds)),
    onError: (code) => {
      // The session the drop-in opened is gone: the drop-in (loaded, as it opened the session) offers the wallets again.
      if (code === "session_not_found" && this.#opened) {
        this.#cart.get()?.sessionLost();
        return true;
      }
      this.#announce(this.#text.errors[code]);
      return false;
    },
  });

  /** What the lazily loaded drop-in and JSAPI mode may do here. */
  readonly #hooks: DropInHooks = {
    follow: (sessionId) => {
      this.#opened = sessionId;
      this.requestUpdate();
    },
    pollNow: () => this.#status.pollNow(),
  };

  /** Drop-in mode's controller, loaded when a cart is to be paid, and the session it opened. */
  readonly #cart = new OnDemand<CartFlowLike>(this, async () => new (await import("./cart/cart-flow.js")).CartFlow(this, this.#hooks));
  #opened = "";
  /** The redirect and JSAPI modes (controller and view), each loaded when a status first names it. */
  readonly #modeViews = {
    redirect: new OnDemand(this, async () => this.#following(new (await import("./controllers/redirect.js")).RedirectController(this))),
    jsapi: new OnDemand(this, async () => this.#following(new (await import("./controllers/jsapi.js")).JsapiController(this, this.#hooks))),
  };

  constructor() {
    super();
    this.backendUrl = "";
    this.publishableKey = "";
    this.sessionId = this.cartId = "";
    this.locale = "";
    this.pollInterval = DEFAULT_POLL_TIMING.interval;
    this.autoRedirect = false;
    this.allowedRedirectOrigins = "";
    this.theme = "auto";
  }

  /** The last status the server gave, if any. */
  get checkout(): CheckoutStatus | undefined {
    return this.#status.state.checkout;
  }

  /** Resolves with the last status once the status request in flight has been answered; at once when none is in flight. */
  get statusComplete(): Promise<CheckoutStatus | undefined> {
    return this.#status.taskComplete;
  }

  /** Asks the server for a fresh code (after expiry, failure or cancel) and follows it. */
  refresh(): Promise<void> {
    return this.#status.refresh();
  }

  /** The session to follow: `session-id`, or the one the drop-in opened; null while the drop-in shows the wallets. */
  get #sessionToFollow(): string | null {
    return this.sessionId.trim() || this.#opened || (this.cartId.trim() ? null : "");
  }

  get #text(): Messages {
    return this.#localize.text;
  }

  #announce(text: string): void {
    this.#announcer.announce(text);
  }

  /** A mode just loaded starts from the status already shown. */
  #following<T extends ModeView>(view: T): T {
    const checkout = this.#status.state.checkout;
    if (checkout) view.follow(checkout);
    return view;
  }

  async #copy(text: string): Promise<void> {
    const ok = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    this.copied = { text, ok };
    this.#announce(ok ? this.#text.copied : this.#text.copyFailed);
  }

  /** Saves the QR as a PNG (its own chunk, loaded on the click). */
  async #saveQr(geometry: QrSvgGeometry, walletId: string): Promise<void> {
    const { saveQrImage } = await import("./save-qr.js");
    await saveQrImage(geometry, walletId);
  }

  protected override render(): TemplateResult {
    const { messages } = this.#localize;
    const { reconnecting } = this.#status.state;
    return html`<div class="base" part="base" lang=${this.#text.intlLocale}>
      ${messages === undefined ? loadingView(this.#text, false, reconnecting) : this.#renderBody(messages)} ${this.#announcer.render()}
    </div>`;
  }

  #renderBody(m: Messages): unknown {
    const state = this.#status.state;
    if (state.error !== undefined) return errorView(m, state.error);
    const cart = this.cartId.trim() && !this.sessionId.trim() ? this.#cart.get() : undefined;
    if (cart && this.#sessionToFollow === null) return cart.render(m);
    return [this.#renderSession(state, m), cart?.renderChangeWallet(state.checkout, m)];
  }

  #renderSession(state: CheckoutState, m: Messages): TemplateResult {
    const { checkout } = state;
    if (checkout === undefined) return loadingView(m, true, state.reconnecting);
    const ended = isFinalCheckoutStatus(checkout.status) ? checkout.status : state.codeExpired ? "expired" : undefined;
    if (ended) {
      return resultView(checkout, RESULT_VIEWS[ended], m, { ...state, onRefresh: () => void this.refresh() });
    }
    const qrText = checkout.mode === "qr" ? checkout.qrcode : undefined;
    if (qrText) {
      const copyLabel = this.copied?.text === qrText ? (this.copied.ok ? m.copied : m.copyFailed) : m.copyCode;
      return this.#renderOpen(
        checkout,
        state,
        qrCodeView(checkout, qrText, m, copyLabel, () => void this.#copy(qrText)),
        samePhoneView(checkout, qrText, m, this.allowedRedirectOrigins, (geometry) => void this.#saveQr(geometry, checkout.wallet)),
      );
    }
    const view = this.#modeViews[checkout.mode === "jsapi" ? "jsapi" : "redirect"].get();
    return view ? this.#renderOpen(checkout, state, view.render(checkout, m)) : loadingView(m, true, state.reconnecting);
  }

  /** An open payment: the header, what the mode shows, the time left and the status line (and what comes after). */
  #renderOpen(checkout: CheckoutStatus, state: CheckoutState, middle: unknown, after?: unknown): TemplateResult {
    const m = this.#text;
    return html`${headerView(checkout, m)} ${middle} ${timeLeftView(this.#status.countdown, m)} ${statusLineView(m, checkout.status, state.reconnecting)}
    ${after}`;
  }
}
