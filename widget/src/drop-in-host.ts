/**
 * What the lazily loaded parts (the cart drop-in, the redirect and JSAPI modes) get from the element.
 * Types only: nothing here lands in the element's bundle.
 */
import type { ReactiveControllerHost } from "lit";
import type { CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "./i18n/index.js";

/** The element's attributes the drop-in reads (`wechat-openid` and `return-url` it reads as attributes when paying). */
export interface DropInSettings {
  backendUrl: string;
  publishableKey: string;
  cartId: string;
}

export interface DropInHooks {
  /** Follow this payment session's status (or none: back to the picker). */
  follow(sessionId: string): void;
  /** Ask the server now (after WeChat's sheet said "paid"). */
  pollNow(): void;
}

export type DropInElement = ReactiveControllerHost & HTMLElement & DropInSettings;

/** The drop-in's face towards the element. */
export interface CartFlowLike {
  /** The picker, or the step between choosing and following a session, in the element's language. */
  render(messages: Messages): unknown;
  /** "Choose another wallet" under a session the drop-in opened, while it can still change. */
  renderChangeWallet(checkout: CheckoutStatus | undefined, messages: Messages): unknown;
  /** The followed session no longer exists: forget it and offer the wallets again. */
  sessionLost(): void;
}

/** The element as a mode view sees it. */
export type ModeViewHost = ReactiveControllerHost & HTMLElement & { autoRedirect: boolean; allowedRedirectOrigins: string };

/** A presentation mode loaded on demand (redirect: the wallet's page; jsapi: WeChat's payment sheet). */
export interface ModeView {
  /** Every status the element applies (to redirect or open the sheet once per code). */
  follow(checkout: CheckoutStatus): void;
  /** What goes between the header and the countdown. */
  render(checkout: CheckoutStatus, messages: Messages): unknown;
}
