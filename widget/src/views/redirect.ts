import { html, type TemplateResult } from "lit";
import type { CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "../i18n/index.js";
import { localWalletName } from "../wallets.js";

/** The way to the wallet's own page, or why there is none (a link the element will not open). */
export function redirectView(checkout: CheckoutStatus, m: Messages, url: URL | null, onClick: (event: MouseEvent, url: URL) => void): TemplateResult {
  const name = localWalletName(checkout.wallet, m);
  return html`<p class="instructions">${m.redirectIntro(name)}</p>
    ${
      url === null
        ? html`<p class="muted" part="error" role="alert">${m.errors.unsafe_redirect}</p>`
        : html`<a class="button primary" part="redirect-button" href=${url.href} @click=${(event: MouseEvent) => onClick(event, url)}
            >${m.redirectButton(name)}</a
          >`
    }`;
}
