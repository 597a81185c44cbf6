/**
 * The WeChat Pay JSAPI (800207) view: inside WeChat, opens WeChat Pay's sheet with the order's `pay_params`
 * (once by itself for each order, then from the button); without the bridge, or when the sheet refuses (a shop on
 * QFPay's official account is not in its payment directory), QFPay's cashier page when the server gave one as `pay_url`. The status keeps coming from the server: the sheet's "ok" only makes the
 * element ask at once. Its own chunk, loaded when a status says `jsapi`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from "lit";
import { dropInMessages } from "../cart/cart-messages.js";
import { isFinalCheckoutStatus, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { DropInHooks, ModeView, ModeViewHost } from "../drop-in-host.js";
import type { Messages } from "../i18n/index.js";
import { parseOriginList, safeRedirectUrl } from "../redirect-guard.js";
import { openWechatPaySheet, type WechatSheetResult } from "./wechat-bridge.js";

export class View implements ReactiveController, ModeView {
  /** The sheet's last answer for the shown order; undefined before it answered. */
  outcome: WechatSheetResult | "no_bridge" | undefined;
  #opening = false;
  #order: string | undefined;

  constructor(
    private readonly host: ModeViewHost,
    private readonly hooks: Pick<DropInHooks, "pollNow">,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  follow(checkout: CheckoutStatus): void {
    if (checkout.mode !== "jsapi" || isFinalCheckoutStatus(checkout.status)) return;
    const order = `${checkout.session_id} ${checkout.expires_at} ${checkout.pay_params?.package}`;
    if (order === this.#order) return;
    this.#order = order;
    this.outcome = undefined;
    void this.open(checkout);
  }

  async open(checkout: CheckoutStatus): Promise<void> {
    if (this.#opening) return;
    this.#opening = true;
    this.host.requestUpdate();
    try {
      const answer = checkout.pay_params ? await openWechatPaySheet(checkout.pay_params) : undefined;
      this.outcome = answer ?? "no_bridge";
      if (answer === "ok") this.hooks.pollNow();
    } finally {
      this.#opening = false;
      this.host.requestUpdate();
    }
  }

  render(checkout: CheckoutStatus, messages: Messages): TemplateResult {
    const m = dropInMessages(messages);
    const { outcome } = this;
    const problem = outcome === "cancel" || outcome === "fail";
    const note = outcome === "cancel" ? m.wechatCanceled : outcome === "fail" ? m.wechatFailed : outcome === "no_bridge" ? m.notInWechat : m.jsapiIntro;
    const cashier = checkout.pay_url ? safeRedirectUrl(checkout.pay_url, parseOriginList(this.host.allowedRedirectOrigins)) : null;
    return html`<p class="instructions" part="instructions" role=${problem ? "alert" : nothing}>${note}</p>
      ${outcome !== "no_bridge"
        ? html`<button class="primary" part="wechat-pay-button" ?disabled=${this.#opening} @click=${() => this.open(checkout)}>
            ${m.payInWechat}
          </button>`
        : nothing}
      ${cashier && (outcome === "no_bridge" || outcome === "fail")
        ? html`<a class="button${outcome === "fail" ? "" : " primary"}" part="redirect-button" href=${cashier.href}>${m.openCashier}</a>`
        : nothing}`;
  }
}
