import type { EndpointName } from "../client/errors.js";
/** Public types of the QFPay sandbox. */

export interface SandboxMerchant {
  /** `X-QF-APPCODE` of the merchant; unique within one sandbox. */
  appCode: string;
  /** The key requests are signed with. Never leaves the sandbox process. */
  clientKey: string;
  /** When set, requests must carry exactly this `mchid`; when not, they must carry none. */
  mchid?: string;
  /** Where notifications for this app code are POSTed. */
  notifyUrl?: string;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  merchants: SandboxMerchant[];
  /** Multiplies the notification retry schedule: 1 = QFPay's real 2m, 10m, ... ; tests use e.g. 0.001. */
  notifyTimeScale?: number;
  /** Base URL that `qrcode` and `pay_url` point to, when the sandbox is reached under another address. */
  publicUrl?: string;
  /** The sandbox's clock for `sysdtm`, expiry and queries; default `() => new Date()`. */
  clock?: () => Date;
}

export type { EndpointName } from "../client/errors.js";

/** What a ledger entry records: a payment (or pre-auth freeze), a refund, a close, a pre-auth deduct or unfreeze. */
export type EntryKind = "payment" | "refund" | "close" | "deduct" | "unfreeze";

/**
 * `pending`: waiting for the payer; `holding`: the payer is "entering the password" (1143);
 * `succeeded`; `frozen`: a pre-auth whose amount is frozen; `failed`; `closed` (by the merchant or the payer);
 * `expired`.
 */
export type EntryState = "pending" | "holding" | "succeeded" | "frozen" | "failed" | "closed" | "expired";

export interface LedgerEntry {
  readonly syssn: string;
  readonly appCode: string;
  readonly mchid?: string;
  readonly kind: EntryKind;
  readonly payType: string;
  readonly outTradeNo: string;
  readonly txamt: number;
  readonly txcurrcd: string;
  readonly txdtm: string;
  readonly txzone: string;
  readonly state: EntryState;
  /** The record's return code as a query shows it. */
  readonly respcd: string;
  /** The query's `cancel` flag. */
  readonly cancel: string;
  readonly preauth: boolean;
  /** ISO instants. */
  readonly createdAt: string;
  readonly paidAt?: string;
  readonly expiresAt?: string;
  readonly holdUntil?: string;
  /** For refunds, closes, deducts and unfreezes: the `syssn` they act on. */
  readonly origSyssn?: string;
  /** For payments and deducts: the sum of refunds that succeeded or are in progress. */
  readonly refunded: number;
  /** For pre-auth freezes: the deduct's syssn once captured. */
  readonly deductSyssn?: string;
  readonly goodsName?: string;
  readonly returnUrl?: string;
  readonly notes: readonly string[];
}

export interface ForcedRespcd {
  respcd: string;
  /** Only the next call to this endpoint; any endpoint when left out. */
  endpoint?: EndpointName;
}

export interface FaultSettings {
  /** Delay before each API answer. */
  latencyMs: number;
  /** The next n API calls answer HTTP 503. */
  http5xx: number;
  /** The next n API calls have their connection dropped without an answer. */
  dropConnection: number;
  /** Enforce QFPay's rate limits (100 requests/s, 400/min per app code) with HTTP 429. */
  rateLimit: boolean;
  /** The next call (to one endpoint, or any) answers this respcd. */
  forceRespcd?: ForcedRespcd;
  /** Every notification is sent twice. */
  duplicateNotifications: boolean;
  /** Every notification waits this long before its first attempt. */
  delayNotificationsMs: number;
  /** Notifications are held back and sent newest first. */
  outOfOrder: boolean;
  /** The next notification is preceded by a forged copy (changed amount, wrong signature). */
  forgeNextNotification: boolean;
}

export interface NotificationAttempt {
  /** Same for every attempt of one notification. */
  readonly notificationId: number;
  /** 1 for the first POST, 2 for the first retry, ... */
  readonly attempt: number;
  readonly url: string;
  readonly notifyType: string;
  readonly syssn: string;
  readonly body: string;
  readonly signature: string;
  readonly forged: boolean;
  readonly at: string;
  readonly status?: number;
  readonly answer?: string;
  readonly error?: string;
  /** HTTP 200 with body SUCCESS: no more attempts. */
  readonly acknowledged: boolean;
}

export interface SandboxFaults {
  /** Merges into the current settings. */
  set(settings: Partial<FaultSettings>): FaultSettings;
  clear(): FaultSettings;
  current(): FaultSettings;
}

/** Test controls, the same in-process and over HTTP under `/__sandbox/`. `id` is a syssn or an out_trade_no. */
export interface SandboxControl {
  /** The payer pays (or, for a held refund, the refund goes through). */
  pay(id: string): LedgerEntry;
  /** The payment fails with `respcd` (default 1201, insufficient balance). */
  fail(id: string, respcd?: string): LedgerEntry;
  /** 1143 "password being entered" until `ms` pass (then it is paid) or until pay/fail/close. */
  hold(id: string, ms?: number): LedgerEntry;
  /** The order expires now (1181). */
  expire(id: string): LedgerEntry;
  readonly faults: SandboxFaults;
  notifications(): readonly NotificationAttempt[];
  ledger(): readonly LedgerEntry[];
}

export interface Sandbox {
  /** Where the sandbox listens, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
  readonly control: SandboxControl;
  ledger(): readonly LedgerEntry[];
  setNotifyUrl(appCode: string, url: string | undefined): void;
}
