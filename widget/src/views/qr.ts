import { html, type TemplateResult } from "lit";
import { isWalletId, type CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "../i18n/index.js";
import { qrSvgGeometry, type QrSvgGeometry } from "../qr-svg.js";
import { parseOriginList, safeRedirectUrl } from "../redirect-guard.js";
import { localWalletName, walletLook } from "../wallets.js";

/** Codes drawn lately, by text: each element renders every second, a code changes once per order, a page may show a few. */
const drawn = new Map<string, QrSvgGeometry>();

function geometryOf(text: string): QrSvgGeometry {
  let geometry = drawn.get(text);
  if (!geometry) {
    if (drawn.size > 7) drawn.clear();
    drawn.set(text, (geometry = qrSvgGeometry(text)));
  }
  return geometry;
}

/** The code to scan with the wallet app, how to scan it, and a button that copies its text. */
export function qrCodeView(checkout: CheckoutStatus, text: string, m: Messages, copyLabel: string, onCopy: () => void): TemplateResult {
  const name = localWalletName(checkout.wallet, m);
  const { size, path } = geometryOf(text);
  const instruction = (isWalletId(checkout.wallet) ? m.walletInstructions[checkout.wallet] : undefined) ?? m.genericInstruction(name);
  return html`<svg class="qr" part="qr" role="img" aria-label=${m.qrLabel(name)} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
      <rect class="qr-light" fill="#ffffff" width=${size} height=${size}></rect>
      <path class="qr-dark" fill="#000000" d=${path}></path>
    </svg>
    <p class="instructions" part="instructions">${instruction}</p>
    <button part="copy-button" @click=${onCopy}>${copyLabel}</button>`;
}

/**
 * For the shopper paying on the phone that shows the code: a button into the wallet app when the code is a link it
 * opens, else how to pay from a saved image; and the button that saves it.
 */
export function samePhoneView(
  checkout: CheckoutStatus,
  text: string,
  m: Messages,
  allowedRedirectOrigins: string,
  onSave: (geometry: QrSvgGeometry) => void,
): TemplateResult {
  const name = localWalletName(checkout.wallet, m);
  const link = walletLook(checkout.wallet).opensFromLink ? safeRedirectUrl(text, parseOriginList(allowedRedirectOrigins)) : null;
  return html`<section class="same-phone" part="same-phone">
    <h3>${m.samePhoneTitle}</h3>
    ${link !== null ? html`<a class="button primary" href=${link.href}>${m.openInWallet(name)}</a>` : html`<p class="muted">${m.saveQrHint(name)}</p>`}
    <button @click=${() => onSave(geometryOf(text))}>${m.saveQr}</button>
  </section>`;
}
