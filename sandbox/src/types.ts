import type { EndpointName } from "@qfpay-medusa/shared/server";
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
  /** The sandbox's clock for `sysdtm`, expiry, queries, the rate limit and traffic figures; default `() => new Date()`. */
  clock?: () => Date;
  /** QFPay's rate limit per app code; default `{ perSecond: 100, perMinute: 400 }`, `false` for none. */
  rateLimit?: RateLimitSetting;
  /** How many minutes of per-second traffic the sandbox keeps; default 15. */
  trafficHistoryMinutes?: number;
}

export interface RateLimits {
  /** Requests allowed in any sliding second. */
  perSecond: number;
  /** Requests allowed in any sliding 60 seconds. */
  perMinute: number;
}

/** `false`: no rate limit. */
export type RateLimitSetting = RateLimits | false;

export type { EndpointName } from "@qfpay-medusa/shared/server";

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
  /**
   * The rate limit per app code (HTTP 429 beyond it): the start option's value until changed; `false` for none.
   * `set` also takes `true` for QFPay's 100/s and 400/min.
   */
  rateLimit: RateLimitSetting;
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

/** What `faults.set` takes: any settings, `rateLimit` also as `true` (QFPay's limits). */
export type FaultChanges = Partial<Omit<FaultSettings, "rateLimit"> & { rateLimit: RateLimitSetting | true }>;

export interface SandboxFaults {
  /** Merges into the current settings. */
  set(settings: FaultChanges): FaultSettings;
  /** No faults; the rate limit goes back to the start option's. */
  clear(): FaultSettings;
  current(): FaultSettings;
}

/** Test controls, the same in-process and over HTTP under `/__sandbox/`. `id` is a syssn or an out_trade_no. */
export interface SandboxControl {
  /** The payer pays (or, for a held refund, the refund goes through). */
  pay(id: string): LedgerEntry;
  /** Pays an order even though it was closed or expired: the wallet's approval crossed the close. */
  payLate(id: string): LedgerEntry;
  /** The payment fails with `respcd` (default 1201, insufficient balance). */
  fail(id: string, respcd?: string): LedgerEntry;
  /** 1143 "password being entered" until `ms` pass (then it is paid) or until pay/fail/close. */
  hold(id: string, ms?: number): LedgerEntry;
  /** The order expires now (1181). */
  expire(id: string): LedgerEntry;
  /**
   * A refund made outside the merchant's API (QFPay's portal or app): `txamt` (default: all that is left) of a
   * paid payment, numbered by QFPay (its `out_trade_no` is its own syssn), notified like any refund.
   */
  refundOutside(paymentId: string, txamt?: number): LedgerEntry;
  readonly faults: SandboxFaults;
  /** One-shot actions on an order when a request about it arrives or has been answered. */
  readonly hooks: SandboxHooks;
  notifications(): readonly NotificationAttempt[];
  /** Notifications due from now on wait, in order, until `resumeNotifications` or `releaseNotification`. */
  pauseNotifications(): void;
  /** Sends the held notifications one after the other, in order; resolves with how many were sent. */
  resumeNotifications(): Promise<number>;
  /** Sends the held notifications of one order (syssn or out_trade_no) now; resolves with how many. */
  releaseNotification(id: string): Promise<number>;
  /**
   * `false`: no notification is sent at all, as with a notify URL never set up at QFPay (held ones are dropped);
   * `true` sends those that fall due from then on. Answers the current setting.
   */
  notificationsEnabled(enabled?: boolean): boolean;
  notificationState(): NotificationState;
  /** Requests per app code and endpoint; `minutes` of per-second history (default: all that is kept). */
  traffic(options?: { minutes?: number }): TrafficReport;
  /** Forgets every request seen: the traffic figures and the rate limiter's windows. */
  resetTraffic(): void;
  ledger(): readonly LedgerEntry[];
}

export interface HeldNotification {
  readonly notificationId: number;
  readonly attempt: number;
  readonly notifyType: string;
  readonly syssn: string;
  readonly outTradeNo: string;
}

export interface NotificationState {
  readonly enabled: boolean;
  readonly paused: boolean;
  /** Oldest first. */
  readonly held: readonly HeldNotification[];
}

/** Endpoints whose requests name an order (by syssn or out_trade_no). */
export type RaceHookEndpoint = Exclude<EndpointName, "trade_bill">;
/** What a hook does to the order: as the control API's `pay`, `hold`, `fail`, `expire`. */
export type RaceHookAction = "pay" | "hold" | "fail" | "expire";
/** `before`: the action, then the request is handled; `after`: the request is answered, then the action. */
export type RaceHookMoment = "before" | "after";

export interface RaceHookSpec {
  endpoint: RaceHookEndpoint;
  /** A syssn or out_trade_no the request names, directly or through the order it names. */
  id: string;
  action: RaceHookAction;
  /** Default `before`. */
  when?: RaceHookMoment;
  /** For `fail`: the code (default 1201). */
  respcd?: string;
  /** For `hold`: paid after this many milliseconds. */
  ms?: number;
}

export interface RaceHook {
  readonly hookId: number;
  readonly endpoint: RaceHookEndpoint;
  readonly id: string;
  readonly action: RaceHookAction;
  readonly when: RaceHookMoment;
  readonly respcd?: string;
  readonly ms?: number;
  readonly armedAt: string;
  /** Set once the hook has fired; it never fires again. */
  readonly fired?: RaceHookFiring;
}

export interface RaceHookFiring {
  readonly at: string;
  /** `refused`: the action could not be done (e.g. pay on an order closed meanwhile); the ledger is unchanged. */
  readonly result: "done" | "refused";
  /** The order after the action. */
  readonly entry?: LedgerEntry;
  readonly message?: string;
}

export interface SandboxHooks {
  arm(spec: RaceHookSpec): RaceHook;
  /** Armed and fired hooks, in the order they were armed. */
  list(): readonly RaceHook[];
  /** Forgets every hook, armed or fired. */
  clear(): void;
}

export interface TrafficSecond {
  /** Unix time in seconds (the sandbox clock's). */
  readonly second: number;
  readonly count: number;
  readonly rateLimited: number;
}

export interface TrafficStats {
  /** API requests that reached the sandbox, answered or not. */
  readonly requests: number;
  /** Of these, answered HTTP 429. */
  readonly rateLimited: number;
  /** The most requests in any sliding second, and in any sliding 60 seconds, 429s included. */
  readonly peakPerSecond: number;
  readonly peakPerMinute: number;
  /** Seconds that saw requests, oldest first. */
  readonly perSecond: readonly TrafficSecond[];
}

export interface AppCodeTraffic extends TrafficStats {
  readonly endpoints: Readonly<Partial<Record<EndpointName, TrafficStats>>>;
}

export interface TrafficReport {
  /** Since when requests were counted (start or last reset), and when this report was made. */
  readonly since: string;
  readonly at: string;
  /** How many minutes of per-second history `perSecond` covers. */
  readonly minutes: number;
  /** By `X-QF-APPCODE` as sent ("" when missing). */
  readonly appCodes: Readonly<Record<string, AppCodeTraffic>>;
}

export interface Sandbox {
  /** Where the sandbox listens, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
  readonly control: SandboxControl;
  ledger(): readonly LedgerEntry[];
  setNotifyUrl(appCode: string, url: string | undefined): void;
}
