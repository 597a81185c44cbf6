import { html, nothing, type TemplateResult } from "lit";
import type { CheckoutStatusValue } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "../i18n/index.js";
import { statusText } from "./status-text.js";

/** The quiet hint while a request failed and the next try is on its way. */
export function reconnectingHint(m: Messages, reconnecting?: boolean): TemplateResult | typeof nothing {
  return reconnecting ? html`<p class="muted">${m.reconnecting}</p>` : nothing;
}

/** What the checkout waits for, under an open payment. */
export function statusLineView(m: Messages, status: CheckoutStatusValue, reconnecting?: boolean): TemplateResult {
  return html`<p class="status" part="status"><span class="pulse"></span>${statusText(m, status)}</p>
    ${reconnectingHint(m, reconnecting)}`;
}
