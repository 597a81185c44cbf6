import { isFinalCheckoutStatus, type CheckoutStatusValue, type FinalCheckoutStatus, type OpenCheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "../i18n/index.js";
import type { ResultTone } from "./icons.js";

/** The keys of `Messages` that are plain text. */
export type MessageText = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

export interface ResultView {
  tone: ResultTone;
  title: MessageText;
  text: MessageText;
  /** Label of the button that asks the refresh route for a fresh code; none when nothing is left to do. */
  action?: MessageText;
}

/** What each final state shows (a code that ran out on the countdown shows `expired`). */
export const RESULT_VIEWS: Readonly<Record<FinalCheckoutStatus, ResultView>> = {
  succeeded: { tone: "success", title: "succeededTitle", text: "succeededText" },
  failed: { tone: "problem", title: "failedTitle", text: "failedText", action: "tryAgain" },
  canceled: { tone: "neutral", title: "canceledTitle", text: "canceledText", action: "newCode" },
  expired: { tone: "neutral", title: "expiredTitle", text: "expiredText", action: "newCode" },
};

/** What the shopper is told while the payment is open. */
const OPEN_STATUS_TEXT: Readonly<Record<OpenCheckoutStatus, MessageText>> = {
  pending: "waiting",
  processing: "processing",
};

/** Where the payment stands, in a few words: the status line, and what the live region says when it changes. */
export function statusText(m: Messages, status: CheckoutStatusValue): string {
  return isFinalCheckoutStatus(status) ? m[RESULT_VIEWS[status].title] : m[OPEN_STATUS_TEXT[status]];
}
