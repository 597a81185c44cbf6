import { html, type TemplateResult } from "lit";
import { formatAmount, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "../i18n/index.js";
import { localWalletName, walletLook } from "../wallets.js";
import { walletMark } from "./icons.js";

/** The wallet's mark and name, and the amount to pay. */
export function headerView(checkout: CheckoutStatus, m: Messages): TemplateResult {
  return html`<div class="header" part="header">
    ${walletMark(walletLook(checkout.wallet))}
    <div>
      <h2 class="wallet">${m.payWith(localWalletName(checkout.wallet, m))}</h2>
      <p class="amount" part="amount">
        <span class="amount-label">${m.amountLabel}</span>
        ${formatAmount(checkout.amount, checkout.amount_exponent, checkout.currency_code, m.intlLocale)}
      </p>
    </div>
  </div>`;
}
