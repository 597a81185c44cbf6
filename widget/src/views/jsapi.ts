import { html, nothing, type TemplateResult } from "lit";
import type { CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import { dropInMessages } from "../cart/cart-messages.js";
import type { SheetOutcome } from "../controllers/jsapi.js";
import type { Messages } from "../i18n/index.js";
import { parseOriginList, safeRedirectUrl } from "../redirect-guard.js";

export interface SheetControl {
  outcome: SheetOutcome;
  /** The sheet is open (or on its way). */
  opening: boolean;
  allowedRedirectOrigins: string;
  onOpen(): void;
}

/** What WeChat's sheet said, the button that opens it again, and QFPay's cashier page when the sheet cannot help. */
export function jsapiView(checkout: CheckoutStatus, messages: Messages, sheet: SheetControl): TemplateResult {
  const m = dropInMessages(messages);
  const { outcome } = sheet;
  const problem = outcome === "cancel" || outcome === "fail";
  const note = outcome === "cancel" ? m.wechatCanceled : outcome === "fail" ? m.wechatFailed : outcome === "no_bridge" ? m.notInWechat : m.jsapiIntro;
  const cashier = checkout.pay_url ? safeRedirectUrl(checkout.pay_url, parseOriginList(sheet.allowedRedirectOrigins)) : null;
  return html`<p class="instructions" part="instructions" role=${problem ? "alert" : nothing}>${note}</p>
    ${
      outcome !== "no_bridge"
        ? html`<button class="primary" part="wechat-pay-button" ?disabled=${sheet.opening} @click=${sheet.onOpen}>${m.payInWechat}</button>`
        : nothing
    }
    ${
      cashier && (outcome === "no_bridge" || outcome === "fail")
        ? html`<a class="button${outcome === "fail" ? "" : " primary"}" part="redirect-button" href=${cashier.href}>${m.openCashier}</a>`
        : nothing
    }`;
}
