import { html, nothing, type TemplateResult } from "lit";
import { formatAmount, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { ErrorCode, Messages } from "../i18n/index.js";
import { resultIcon } from "./icons.js";
import type { ResultView } from "./status-text.js";

export interface RefreshControl {
  refreshing?: boolean;
  /** Why the last new code was refused. */
  refreshError?: ErrorCode | undefined;
  onRefresh(): void;
}

/** A payment that ended (or a code that ran out): what happened, and a new code or another try when one helps. */
export function resultView(checkout: CheckoutStatus, view: ResultView, m: Messages, refresh: RefreshControl): TemplateResult {
  const succeeded = checkout.status === "succeeded";
  return html`<div class="result" part="result">
    ${resultIcon(view.tone)}
    <h2>${m[view.title]}</h2>
    ${succeeded ? html`<p class="amount">${formatAmount(checkout.amount, checkout.amount_exponent, checkout.currency_code, m.intlLocale)}</p>` : nothing}
    <p>${m[view.text]}</p>
    ${checkout.message && !succeeded ? html`<p>${checkout.message}</p>` : nothing}
    ${
      view.action
        ? html`<button class="primary" part="action" ?disabled=${refresh.refreshing} @click=${refresh.onRefresh}>
            ${refresh.refreshing ? m.refreshing : m[view.action]}
          </button>`
        : nothing
    }
    ${refresh.refreshError !== undefined ? html`<p class="muted" role="alert">${m.errors[refresh.refreshError]}</p>` : nothing}
    ${view.action ? html`<slot name="actions"></slot>` : nothing}
  </div>`;
}
