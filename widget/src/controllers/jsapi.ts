/**
 * The WeChat Pay JSAPI (800207) mode: inside WeChat, opens WeChat Pay's sheet with the order's `pay_params` (once by
 * itself for each order, then from the button); without the bridge, or when the sheet refuses (a shop on QFPay's
 * official account is not in its payment directory), its view offers QFPay's cashier page when the server gave one as
 * `pay_url`. The status keeps coming from the server: the sheet's "ok" only makes the element ask at once. Its own
 * chunk, with its view, loaded when a status says `jsapi`.
 */
import { isFinalCheckoutStatus, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { DropInHooks, ModeView, ModeViewHost } from "../drop-in-host.js";
import type { Messages } from "../i18n/index.js";
import { openWechatPaySheet, type WechatSheetResult } from "../jsapi/wechat-bridge.js";
import { jsapiView } from "../views/jsapi.js";

/** The sheet's last answer for the shown order ("no_bridge": not inside WeChat); undefined before it answered. */
export type SheetOutcome = WechatSheetResult | "no_bridge" | undefined;

export class JsapiController implements ModeView {
  #outcome: SheetOutcome;
  #opening = false;
  #order: string | undefined;
  readonly #host: ModeViewHost;
  readonly #hooks: Pick<DropInHooks, "pollNow">;

  constructor(host: ModeViewHost, hooks: Pick<DropInHooks, "pollNow">) {
    this.#host = host;
    this.#hooks = hooks;
  }

  follow(checkout: CheckoutStatus): void {
    if (checkout.mode !== "jsapi" || isFinalCheckoutStatus(checkout.status)) return;
    const order = `${checkout.session_id} ${checkout.expires_at} ${checkout.pay_params?.package}`;
    if (order === this.#order) return;
    this.#order = order;
    this.#outcome = undefined;
    void this.open(checkout);
  }

  async open(checkout: CheckoutStatus): Promise<void> {
    if (this.#opening) return;
    this.#opening = true;
    this.#host.requestUpdate();
    try {
      const answer = checkout.pay_params ? await openWechatPaySheet(checkout.pay_params) : undefined;
      this.#outcome = answer ?? "no_bridge";
      if (answer === "ok") this.#hooks.pollNow();
    } finally {
      this.#opening = false;
      this.#host.requestUpdate();
    }
  }

  render(checkout: CheckoutStatus, m: Messages): unknown {
    return jsapiView(checkout, m, {
      outcome: this.#outcome,
      opening: this.#opening,
      allowedRedirectOrigins: this.#host.allowedRedirectOrigins,
      onOpen: () => void this.open(checkout),
    });
  }
}
