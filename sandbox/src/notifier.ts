import { bodySignature } from "./body-signature.js";
import type { Faults } from "./faults.js";
import { postJson } from "./http-post.js";
import type { Entry } from "./ledger.js";
import type { Merchant, MerchantRegistry } from "./merchants.js";
import { notificationBody, type NotifyType } from "./notification-body.js";
import { NotificationGate } from "./notification-gate.js";
import { toPythonJson } from "./python-json.js";
import type { TimerSet } from "./timers.js";
import type { NotificationAttempt } from "./types.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** QFPay retries after the first attempt at these intervals until it gets HTTP 200 with body SUCCESS. */
export const RETRY_INTERVALS_MS: readonly number[] = [2 * MINUTE, 10 * MINUTE, 10 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR];

/** How long an out-of-order notification waits for a later one to overtake it. */
const OUT_OF_ORDER_WAIT_MS = 1_000;

/** Which entries notify, and with which `notify_type`: payments and pre-auth freezes, refunds. */
const NOTIFY_TYPES: Partial<Record<Entry["kind"], NotifyType>> = { payment: "payment", refund: "refund" };

interface Job {
  readonly id: number;
  readonly appCode: string;
  readonly notifyType: string;
  readonly syssn: string;
  readonly outTradeNo: string;
  readonly body: string;
  readonly signature: string;
  readonly forged: boolean;
}

export interface NotifierOptions {
  timers: TimerSet;
  faults: Faults;
  merchants: MerchantRegistry;
  /** Multiplies `RETRY_INTERVALS_MS`. */
  timeScale: number;
}

/**
 * Sends QFPay's asynchronous notifications: signed JSON POSTs to the app code's notify URL, retried on schedule.
 * Every attempt, first or retry, passes the `gate` (pause, release, switch off).
 */
export class Notifier {
  readonly gate = new NotificationGate();
  private readonly log: NotificationAttempt[] = [];
  private readonly abort = new AbortController();
  private nextId = 1;
  private heldBack: Job | undefined;

  constructor(private readonly options: NotifierOptions) {}

  /** Called when an entry settles; entries of kinds QFPay does not notify are ignored. */
  notify(entry: Entry): void {
    const notifyType = NOTIFY_TYPES[entry.kind];
    const merchant = this.options.merchants.find(entry.appCode);
    if (!notifyType || !merchant) return;
    const fields = notificationBody(entry, notifyType);
    const { faults } = this.options;
    if (faults.takeForgery()) this.send(this.job(merchant, notifyType, forgedCopy(fields), true));
    const copies = faults.duplicateNotifications ? 2 : 1;
    for (let i = 0; i < copies; i++) this.send(this.job(merchant, notifyType, fields, false));
  }

  attempts(): readonly NotificationAttempt[] {
    return this.log.map((attempt) => ({ ...attempt }));
  }

  /** Aborts POSTs in flight; the shared `TimerSet` stops the scheduled ones. */
  close(): void {
    this.abort.abort();
  }

  private job(merchant: Merchant, notifyType: string, fields: Record<string, string>, forged: boolean): Job {
    const body = toPythonJson(fields);
    const key = forged ? `${merchant.clientKey}-forged` : merchant.clientKey;
    return {
      id: this.nextId++,
      appCode: merchant.appCode,
      notifyType,
      syssn: fields.syssn ?? "",
      outTradeNo: fields.out_trade_no ?? "",
      body,
      signature: bodySignature(body, key),
      forged,
    };
  }

  private send(job: Job): void {
    if (!this.options.faults.outOfOrder) {
      this.start(job);
      return;
    }
    const earlier = this.heldBack;
    if (earlier) {
      this.heldBack = undefined;
      this.start(job);
      this.start(earlier);
      return;
    }
    this.heldBack = job;
    this.options.timers.after(OUT_OF_ORDER_WAIT_MS, () => {
      if (this.heldBack !== job) return;
      this.heldBack = undefined;
      this.start(job);
    });
  }

  private start(job: Job): void {
    const delay = this.options.faults.notificationDelayMs;
    if (delay > 0) this.options.timers.after(delay, () => this.due(job, 1));
    else this.due(job, 1);
  }

  private due(job: Job, attempt: number): void {
    const { id: notificationId, notifyType, syssn, outTradeNo } = job;
    this.gate.pass({ notificationId, attempt, notifyType, syssn, outTradeNo, send: () => this.attempt(job, attempt) });
  }

  private async attempt(job: Job, attempt: number): Promise<void> {
    const url = this.options.merchants.find(job.appCode)?.notifyUrl;
    const base = {
      notificationId: job.id,
      attempt,
      url: url ?? "",
      notifyType: job.notifyType,
      syssn: job.syssn,
      body: job.body,
      signature: job.signature,
      forged: job.forged,
      at: new Date().toISOString(),
    };
    let acknowledged = false;
    if (url === undefined) {
      this.log.push({ ...base, acknowledged, error: "no notify URL configured for this app code" });
    } else {
      try {
        const result = await postJson(url, job.body, { "X-QF-SIGN": job.signature }, this.abort.signal);
        acknowledged = result.status === 200 && result.body.trim() === "SUCCESS";
        this.log.push({ ...base, status: result.status, answer: result.body.slice(0, 1000), acknowledged });
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.log.push({ ...base, acknowledged, error: error instanceof Error ? error.message : String(error) });
      }
    }
    const interval = RETRY_INTERVALS_MS[attempt - 1];
    if (acknowledged || job.forged || interval === undefined) return;
    this.options.timers.after(interval * this.options.timeScale, () => this.due(job, attempt + 1));
  }
}

/** What a forger would send: the amount raised by one unit, signed without the merchant's key. */
function forgedCopy(fields: Record<string, string>): Record<string, string> {
  return { ...fields, txamt: String(Number(fields.txamt ?? "0") + 1) };
}
