import { isServer } from "lit";
import { QfpayCheckout } from "./qfpay-checkout.js";

export const TAG_NAME = "qfpay-checkout";

/**
 * Registers <qfpay-checkout> once. Safe to import during server-side rendering (does nothing there)
 * and safe when another copy of the package already registered the tag.
 */
export function defineQfpayCheckout(): void {
  if (isServer || typeof customElements === "undefined") return;
  if (customElements.get(TAG_NAME) === undefined) customElements.define(TAG_NAME, QfpayCheckout);
}

defineQfpayCheckout();

export { QfpayCheckout };

declare global {
  interface HTMLElementTagNameMap {
    "qfpay-checkout": QfpayCheckout;
  }
}
