import type { CheckoutApiErrorCode } from "../api.js";
import type { WalletId } from "@qfpay-medusa/shared/checkout";

/** Problems with the element's own attributes, found before any request is made. */
export type ConfigErrorCode = "missing_backend_url" | "invalid_backend_url" | "missing_publishable_key" | "missing_session_id";

/** The server sent a wallet link the element refuses to open (not https, origin not allowed). */
export type UnsafeRedirectCode = "unsafe_redirect";

export type ErrorCode = ConfigErrorCode | CheckoutApiErrorCode | UnsafeRedirectCode;

/** Everything the element says, in one language. Functions take already-localised pieces. */
export interface Messages {
  /** BCP 47 tag handed to Intl for amounts. */
  readonly intlLocale: string;
  readonly walletNames: Readonly<Partial<Record<WalletId, string>>>;
  readonly walletInstructions: Readonly<Partial<Record<WalletId, string>>>;
  genericInstruction(wallet: string): string;
  payWith(wallet: string): string;
  readonly amountLabel: string;
  qrLabel(wallet: string): string;
  readonly copyCode: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly samePhoneTitle: string;
  openInWallet(wallet: string): string;
  readonly saveQr: string;
  saveQrHint(wallet: string): string;
  readonly timeLeftLabel: string;
  timeLeft(minutes: number, seconds: number): string;
  redirectIntro(wallet: string): string;
  redirectButton(wallet: string): string;
  readonly loading: string;
  readonly waiting: string;
  readonly processing: string;
  readonly reconnecting: string;
  readonly succeededTitle: string;
  readonly succeededText: string;
  readonly failedTitle: string;
  readonly failedText: string;
  readonly canceledTitle: string;
  readonly canceledText: string;
  readonly expiredTitle: string;
  readonly expiredText: string;
  readonly newCode: string;
  readonly tryAgain: string;
  readonly refreshing: string;
  readonly errorTitle: string;
  readonly errors: Readonly<Record<ErrorCode, string>>;
}
