import { LitElement, html, nothing, type TemplateResult } from "lit";
import { isFinalCheckoutStatus, isWalletId, type CheckoutStatus, type CheckoutStatusValue, type FinalCheckoutStatus, type OpenCheckoutStatus } from "@qfpay-medusa/shared/checkout";
import { Announcer } from "./controllers/announcer.js";
import { CheckoutStatusController, type CheckoutState } from "./controllers/checkout-status.js";
import { LocalizeController } from "./controllers/localize.js";
import { OnDemand } from "./controllers/on-demand.js";
import { DEFAULT_POLL_TIMING } from "./controllers/status-poller.js";
import type { CartFlowLike, DropInHooks, ModeView } from "./drop-in-host.js";
import { formatAmount, formatClock } from "./format.js";
import type { ErrorCode, Messages } from "./i18n/index.js";
import { resultIcon, walletMark, type ResultTone } from "./icons.js";
import { qrSvgGeometry, type QrSvgGeometry } from "./qr-svg.js";
import { parseOriginList, safeRedirectUrl } from "./redirect-guard.js";
import { checkoutStyles } from "./styles.js";
import { localWalletName, walletDisplay } from "./wallets.js";

type MessageText = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

interface ResultView {
  tone: ResultTone;
  title: MessageText;
  text: MessageText;
  /** Label of the button that asks the refresh route for a fresh code; null when nothing is left to do. */
  action: MessageText | null;
}

/** What each final state shows. */
const RESULT_VIEWS: Readonly<Record<FinalCheckoutStatus, ResultView>> = {
  succeeded: { tone: "success", title: "succeededTitle", text: "succeededText", action: null },
  failed: { tone: "problem", title: "failedTitle", text: "failedText", action: "tryAgain" },
  canceled: { tone: "neutral", title: "canceledTitle", text: "canceledText", action: "newCode" },
  expired: { tone: "neutral", title: "expiredTitle", text: "expiredText", action: "newCode" },
};

/** What the shopper is told (and what the live region says) while the payment is open. */
const OPEN_STATUS_TEXT: Readonly<Record<OpenCheckoutStatus, MessageText>> = {
  pending: "waiting",
  processing: "processing",
};

const COPY_LABELS = { idle: "copyCode", copied: "copied", failed: "copyFailed" } as const satisfies Record<string, MessageText>;

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
    copyState: { state: true, attribute: false },
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

  declare private copyState: keyof typeof COPY_LABELS;

  readonly #localize = new LocalizeController(this, () => this.locale);
  readonly #announcer = new Announcer(this);

  readonly #status = new CheckoutStatusController(this, {
    args: () => [this.backendUrl.trim(), this.publishableKey.trim(), this.#sessionToFollow],
    pollInterval: () => this.pollInterval,
    onStatus: (checkout, changed) => {
      if (changed) this.#announce(this.#statusLine(checkout.status));
      if (checkout.mode !== "qr") this.#modeViews[checkout.mode].get()?.follow(checkout);
    },
    onCodeExpired: () => this.#announce(this.#text.expiredTitle),
    onTimeLeft: (seconds) => this.#announce(this.#text.timeLeft(Math.floor(seconds / 60), seconds % 60)),
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

  #qrCache: { text: string; geometry: QrSvgGeometry } | undefined;
  /** Drop-in mode's controller, loaded when a cart is to be paid, and the session it opened. */
  readonly #cart = new OnDemand<CartFlowLike>(this, async () => new (await import("./cart/cart-flow.js")).CartFlow(this, this.#hooks));
  #opened = "";
  /** The redirect and JSAPI views, each loaded when a status first names its mode. */
  readonly #modeViews = {
    redirect: new OnDemand(this, async () => this.#following(new (await import("./redirect/redirect-view.js")).View(this))),
    jsapi: new OnDemand(this, async () => this.#following(new (await import("./jsapi/jsapi-view.js")).View(this, this.#hooks))),
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
    this.copyState = "idle";
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

  /** What the lazily loaded drop-in and JSAPI view may do here. */
  readonly #hooks: DropInHooks = {
    follow: (sessionId) => {
      this.#opened = sessionId;
      this.requestUpdate();
    },
    pollNow: () => this.#status.pollNow(),
  };

  #statusLine(status: CheckoutStatusValue): string {
    const m = this.#text;
    return isFinalCheckoutStatus(status) ? m[RESULT_VIEWS[status].title] : m[OPEN_STATUS_TEXT[status]];
  }

  #announce(text: string): void {
    this.#announcer.announce(text);
  }

  /** A mode view just loaded starts from the status already shown. */
  #following<T extends ModeView>(view: T): T {
    const checkout = this.#status.state.checkout;
    if (checkout) view.follow(checkout);
    return view;
  }

  // QR mode

  #qrGeometry(text: string): QrSvgGeometry {
    if (this.#qrCache?.text !== text) this.#qrCache = { text, geometry: qrSvgGeometry(text) };
    return this.#qrCache.geometry;
  }

  async #copyCode(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyState = "copied";
      this.#announce(this.#text.copied);
    } catch {
      this.copyState = "failed";
      this.#announce(this.#text.copyFailed);
    }
  }

  /** Saves the QR as a PNG (its own chunk, loaded on the click). */
  async #saveQr(text: string, walletId: string): Promise<void> {
    const { saveQrImage } = await import("./save-qr.js");
    await saveQrImage(this.#qrGeometry(text), walletId);
  }

  // Rendering

  protected override render(): TemplateResult {
    return html`<div class="base" part="base" lang=${this.#text.intlLocale}>
      ${this.#localize.messages === undefined ? this.#renderLoading(false) : this.#renderBody()}
      ${this.#announcer.render()}
    </div>`;
  }

  #renderBody(): unknown {
    const state = this.#status.state;
    if (state.error !== undefined) return this.#renderError(state.error);
    const cart = this.cartId.trim() && !this.sessionId.trim() ? this.#cart.get() : undefined;
    if (cart && this.#sessionToFollow === null) return cart.render(this.#text);
    return [this.#renderSession(state), cart?.renderChangeWallet(state.checkout, this.#text)];
  }

  #renderSession(state: CheckoutState): TemplateResult {
    const { checkout } = state;
    if (checkout === undefined) return this.#renderLoading(true);
    if (isFinalCheckoutStatus(checkout.status)) return this.#renderResult(checkout, RESULT_VIEWS[checkout.status]);
    if (state.codeExpired) return this.#renderResult(checkout, RESULT_VIEWS.expired);
    if (checkout.mode === "qr" && checkout.qrcode) return this.#renderQr(checkout, checkout.qrcode);
    const view = this.#modeViews[checkout.mode === "jsapi" ? "jsapi" : "redirect"].get();
    return view
      ? html`${this.#renderHeader(checkout)} ${view.render(checkout, this.#text)} ${this.#renderCountdown()}
          ${this.#renderStatusLine(checkout.status)}`
      : this.#renderLoading(true);
  }

  #renderLoading(withText: boolean): TemplateResult {
    return html`<div class="result" aria-busy="true">
      <span class="pulse"></span>
      ${withText ? html`<p>${this.#text.loading}</p>` : nothing} ${this.#renderReconnecting()}
    </div>`;
  }

  #renderError(code: ErrorCode): TemplateResult {
    const m = this.#text;
    return html`<div class="result" part="error">
      ${resultIcon("problem")}
      <h2>${m.errorTitle}</h2>
      <p>${m.errors[code]}</p>
    </div>`;
  }

  #walletName(walletId: string): string {
    return localWalletName(walletId, this.#text);
  }

  #renderHeader(checkout: CheckoutStatus): TemplateResult {
    const m = this.#text;
    const name = this.#walletName(checkout.wallet);
    return html`<div class="header" part="header">
      ${walletMark(walletDisplay(checkout.wallet))}
      <div>
        <h2 class="wallet">${m.payWith(name)}</h2>
        <p class="amount" part="amount">
          <span class="amount-label">${m.amountLabel}</span>
          ${formatAmount(checkout.amount, checkout.amount_exponent, checkout.currency_code, m.intlLocale)}
        </p>
      </div>
    </div>`;
  }

  #renderQr(checkout: CheckoutStatus, qrText: string): TemplateResult {
    const m = this.#text;
    const name = this.#walletName(checkout.wallet);
    const { size, path } = this.#qrGeometry(qrText);
    const instruction = (isWalletId(checkout.wallet) ? m.walletInstructions[checkout.wallet] : undefined) ?? m.genericInstruction(name);
    return html`${this.#renderHeader(checkout)}
      <svg class="qr" part="qr" role="img" aria-label=${m.qrLabel(name)} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
        <rect class="qr-light" fill="#ffffff" width=${size} height=${size}></rect>
        <path class="qr-dark" fill="#000000" d=${path}></path>
      </svg>
      <p class="instructions" part="instructions">${instruction}</p>
      <button part="copy-button" @click=${() => this.#copyCode(qrText)}>
        ${m[COPY_LABELS[this.copyState]]}
      </button>
      ${this.#renderCountdown()} ${this.#renderStatusLine(checkout.status)} ${this.#renderSamePhone(checkout, qrText, name)}`;
  }

  #renderSamePhone(checkout: CheckoutStatus, qrText: string, name: string): TemplateResult {
    const m = this.#text;
    const link = walletDisplay(checkout.wallet).opensFromLink
      ? safeRedirectUrl(qrText, parseOriginList(this.allowedRedirectOrigins))
      : null;
    return html`<section class="same-phone" part="same-phone">
      <h3>${m.samePhoneTitle}</h3>
      ${link !== null
        ? html`<a class="button primary" href=${link.href}>${m.openInWallet(name)}</a>`
        : html`<p class="muted">${m.saveQrHint(name)}</p>`}
      <button @click=${() => this.#saveQr(qrText, checkout.wallet)}>${m.saveQr}</button>
    </section>`;
  }

  #renderCountdown(): TemplateResult | typeof nothing {
    const { countdown } = this.#status;
    const seconds = countdown.remainingSeconds;
    if (seconds === null) return nothing;
    const m = this.#text;
    const total = Math.max(countdown.totalSeconds, seconds);
    return html`<div class="countdown" part="countdown">
      <div class="countdown-text">
        <span id="time-left-label">${m.timeLeftLabel}</span>
        <span class="timer" role="timer" aria-labelledby="time-left-label">${formatClock(seconds)}</span>
      </div>
      <progress part="progress" max=${total} value=${seconds} aria-label=${m.timeLeftLabel}
        aria-valuetext=${m.timeLeft(Math.floor(seconds / 60), seconds % 60)}></progress>
    </div>`;
  }

  #renderStatusLine(status: CheckoutStatusValue): TemplateResult {
    return html`<p class="status" part="status"><span class="pulse"></span>${this.#statusLine(status)}</p>
      ${this.#renderReconnecting()}`;
  }

  #renderReconnecting(): TemplateResult | typeof nothing {
    return this.#status.state.reconnecting ? html`<p class="muted">${this.#text.reconnecting}</p>` : nothing;
  }

  #renderResult(checkout: CheckoutStatus, view: ResultView): TemplateResult {
    const m = this.#text;
    const { refreshing, refreshError } = this.#status.state;
    const succeeded = checkout.status === "succeeded";
    return html`<div class="result" part="result">
      ${resultIcon(view.tone)}
      <h2>${m[view.title]}</h2>
      ${succeeded
        ? html`<p class="amount">${formatAmount(checkout.amount, checkout.amount_exponent, checkout.currency_code, m.intlLocale)}</p>`
        : nothing}
      <p>${m[view.text]}</p>
      ${checkout.message && !succeeded ? html`<p>${checkout.message}</p>` : nothing}
      ${view.action !== null
        ? html`<button class="primary" part="action" ?disabled=${refreshing} @click=${() => this.refresh()}>
            ${refreshing ? m.refreshing : m[view.action]}
          </button>`
        : nothing}
      ${refreshError !== undefined ? html`<p class="muted" role="alert">${m.errors[refreshError]}</p>` : nothing}
      ${view.action !== null ? html`<slot name="actions"></slot>` : nothing}
    </div>`;
  }
}
