/**
 * The drop-in mode (`cart-id`): lists the cart's wallets (the device's best first), opens or replaces the QFPay
 * payment session through Medusa's store API, hands the session to the element to follow, and brings the shopper
 * back to it after a wallet's page or WeChat's sign-in. Loaded only when `cart-id` is set.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from "lit";
import { asApiError, type CheckoutApiError } from "../api.js";
import { CHECKOUT_STATUS_OUTCOMES, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { CartFlowLike, DropInElement, DropInHooks } from "../drop-in-host.js";
import { qfpayEvent, type QfpayEventDetails, type QfpayEventName } from "../events.js";
import type { Messages } from "../i18n/index.js";
import { resultIcon, walletMark } from "../views/icons.js";
import { isWeChatBrowser } from "../jsapi/wechat-bridge.js";
import { localWalletName, walletLook } from "../wallets.js";
import { dropInMessages } from "./cart-messages.js";
import { oauthAnswer, pageWithoutOauth, recall, remember } from "./cart-storage.js";
import { pickerStyles } from "./picker-styles.js";
import { createPaymentSession, fetchPayTypes, finishWechatSignIn, startWechatSignIn, type StorePayType, type StorePayTypes } from "./store-api.js";

type Step = "loading" | "picking" | "opening" | "following";

export class CartFlow implements ReactiveController, CartFlowLike {
  step: Step = "loading";
  answer: StorePayTypes | undefined;
  selected: string | undefined;
  error: CheckoutApiError | undefined;
  #abort: AbortController | undefined;
  /** Settles when the current step's work is done; tests await it. */
  settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: DropInElement,
    private readonly hooks: DropInHooks,
  ) {
    host.addController(this);
    adoptStyles(host);
  }

  hostConnected(): void {
    this.settled = this.#start();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  #emit<K extends QfpayEventName>(name: K, detail: QfpayEventDetails[K]): void {
    this.host.dispatchEvent(qfpayEvent(name, detail));
  }

  /** `wechat-openid` and `return-url`, read when paying. */
  #attribute(name: "wechat-openid" | "return-url"): string {
    return this.host.getAttribute(name)?.trim() ?? "";
  }

  get #cartId(): string {
    return this.host.cartId.trim();
  }

  /** Which pay types to show: those that work on this device (JSAPI only inside WeChat). */
  get options(): StorePayType[] {
    const inWechat = isWeChatBrowser();
    return (this.answer?.pay_types ?? []).filter((option) => option.fits_device && (option.mode !== "jsapi" || inWechat));
  }

  async #start(): Promise<void> {
    const memory = recall(this.#cartId);
    const oauth = oauthAnswer(location);
    if (oauth && memory.pending) {
      history.replaceState(history.state, "", pageWithoutOauth(location));
      await this.#run(async () => {
        const openid = await finishWechatSignIn(this.host, { providerId: memory.pending!.providerId, ...oauth });
        await this.#open(memory.pending!.providerId, memory.pending!.payType, openid);
      });
      return;
    }
    if (memory.sessionId) {
      this.#follow(memory.sessionId);
      return;
    }
    await this.#load();
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const controller = new AbortController();
    this.#abort = controller;
    this.#set("loading");
    try {
      this.answer = await fetchPayTypes(this.host, this.#cartId, controller.signal);
      if (controller.signal.aborted) return;
      this.selected = this.options[0]?.pay_type;
      this.error = undefined;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = asApiError(error);
    }
    this.#set("picking");
  }

  async pay(): Promise<void> {
    const option = this.options.find((candidate) => candidate.pay_type === this.selected);
    const providerId = this.answer?.provider_id;
    if (!option || !providerId || this.step === "opening") return;
    this.settled = this.#run(async () => {
      const openid = this.#attribute("wechat-openid");
      if (option.mode === "jsapi" && openid === "") {
        // A fresh WeChat code for every payment: off to WeChat's sign-in, back to this page.
        remember(this.#cartId, { pending: { payType: option.pay_type, providerId } });
        const url = await startWechatSignIn(this.host, providerId, this.#returnUrl());
        if (this.host.dispatchEvent(qfpayEvent("qfpay-redirect", { url }, { cancelable: true }))) location.assign(url);
        return;
      }
      await this.#open(providerId, option.pay_type, option.mode === "jsapi" ? openid : undefined);
    });
    await this.settled;
  }

  async #open(providerId: string, payType: string, subOpenid: string | undefined): Promise<void> {
    const option = this.answer?.pay_types.find((candidate) => candidate.pay_type === payType);
    const sessionId = await createPaymentSession(this.host, {
      cartId: this.#cartId,
      providerId,
      payType,
      returnUrl: option?.mode === "redirect" ? this.#returnUrl() : undefined,
      subOpenid,
    });
    this.#emit("qfpay-session", { sessionId, cartId: this.#cartId, payType });
    this.#follow(sessionId);
  }

  async #run(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    this.#set("opening");
    try {
      await work();
    } catch (error) {
      remember(this.#cartId, {});
      this.error = asApiError(error);
      this.#emit("qfpay-error", { code: this.error.code, message: this.error.message, transient: this.error.transient });
      if (this.answer) this.#set("picking");
      else await this.#load();
    }
  }

  #returnUrl(): string {
    return this.#attribute("return-url") || pageWithoutOauth(location);
  }

  #follow(sessionId: string): void {
    remember(this.#cartId, { sessionId });
    this.#set("following");
    this.hooks.follow(sessionId);
  }

  /** Back to the wallets (the next payment replaces the session). */
  changeWallet(): void {
    remember(this.#cartId, {});
    this.hooks.follow("");
    this.settled = this.answer ? Promise.resolve(this.#set("picking")) : this.#load();
  }

  sessionLost(): void {
    this.changeWallet();
  }

  #set(step: Step): void {
    this.step = step;
    this.host.requestUpdate();
  }

  render(messages: Messages): TemplateResult {
    const m = dropInMessages(messages);
    if (this.step === "loading" || this.step === "opening") {
      return html`<div class="result" aria-busy="true">
        <span class="pulse"></span>
        <p>${this.step === "opening" ? m.opening : messages.loading}</p>
      </div>`;
    }
    const options = this.options;
    if (options.length === 0) {
      return html`<div class="result" part="error">
        ${resultIcon("problem")}
        <p>${this.error ? messages.errors[this.error.code] : m.noWallets}</p>
      </div>`;
    }
    const chosen = options.find((option) => option.pay_type === this.selected) ?? options[0]!;
    return html`<form class="picker" part="picker" @submit=${(event: Event) => (event.preventDefault(), void this.pay())}>
      <fieldset>
        <legend>${m.chooseWallet}</legend>
        ${options.map((option) => this.#renderOption(option, option === chosen, messages))}
      </fieldset>
      ${this.error ? html`<p class="muted" role="alert">${messages.errors[this.error.code]}</p>` : nothing}
      <button class="primary" part="pay-button" type="submit">${m.payWithButton(this.#walletName(chosen, messages))}</button>
    </form>`;
  }

  #renderOption(option: StorePayType, checked: boolean, messages: Messages): TemplateResult {
    const m = dropInMessages(messages);
    const hint = option.preauth ? `${m.modeHints[option.mode]} · ${m.preauth}` : m.modeHints[option.mode];
    return html`<label class="option" part="wallet-option">
      <input
        type="radio"
        name="wallet"
        .value=${option.pay_type}
        .checked=${checked}
        @change=${() => ((this.selected = option.pay_type), this.host.requestUpdate())}
      />
      ${walletMark(walletLook(option.wallet))}
      <span class="option-text"
        ><span>${this.#walletName(option, messages)}<span class="visually-hidden">, </span></span><small>${hint}</small></span
      >
    </label>`;
  }

  #walletName(option: StorePayType, messages: Messages): string {
    return localWalletName(option.wallet, messages, option.name);
  }

  renderChangeWallet(checkout: CheckoutStatus | undefined, messages: Messages): TemplateResult | typeof nothing {
    // Once money moves (QFPay confirming a payment, or paid), another wallet would be a second payment.
    const outcome = checkout && CHECKOUT_STATUS_OUTCOMES[checkout.status];
    if (outcome === "in_progress" || outcome === "succeeded") return nothing;
    return html`<button part="change-wallet" @click=${() => this.changeWallet()}>${dropInMessages(messages).changeWallet}</button>`;
  }
}

/** Adds the picker's sheet to the element's shadow root (constructable stylesheets: no inline styles, CSP-safe). */
function adoptStyles(host: DropInElement): void {
  const root = host.shadowRoot ?? (host as unknown as { renderRoot?: ShadowRoot }).renderRoot;
  const sheet = pickerStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
