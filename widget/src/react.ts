/**
 * JSX typings for `<qfpay-checkout>` in React 19 (and React 18.3, whose types also read `React.JSX`): the element's
 * attributes as props, and its events as `onqfpay-*` props, which React 19 attaches as event listeners.
 *
 * Types only: load them once, e.g. in a `.d.ts` file of the app: `import type {} from "@qfpay-medusa/widget/react";`
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { QfpayEventDetails } from "./events.js";
import type { QfpayCheckout } from "./qfpay-checkout.js";

/** The element's attributes, as written in HTML (see the attribute table in the README). */
export interface QfpayCheckoutAttributes {
  "backend-url"?: string;
  "publishable-key"?: string;
  "session-id"?: string;
  "cart-id"?: string;
  "wechat-openid"?: string;
  "return-url"?: string;
  locale?: string;
  "poll-interval"?: number | string;
  "auto-redirect"?: boolean;
  "allowed-redirect-origins"?: string;
  theme?: "auto" | "light" | "dark";
}

/** `onqfpay-succeeded`, `onqfpay-failed`, ...: one listener prop per event the element sends. */
export type QfpayCheckoutEventProps = {
  [Name in keyof QfpayEventDetails as `on${Name}`]?: (event: CustomEvent<QfpayEventDetails[Name]>) => void;
};

export type QfpayCheckoutProps = DetailedHTMLProps<HTMLAttributes<QfpayCheckout>, QfpayCheckout> & QfpayCheckoutAttributes & QfpayCheckoutEventProps;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "qfpay-checkout": QfpayCheckoutProps;
    }
  }
}
