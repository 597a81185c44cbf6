import { QfpayRefusal } from "./errors.js";
import { syssnGenerator } from "./syssn.js";
import type { TimerSet } from "./timers.js";
import type { EntryKind, EntryState, LedgerEntry } from "./types.js";

/** A ledger entry as the sandbox keeps it; `LedgerEntry` is its read-only snapshot. */
export interface Entry extends Pick<
  LedgerEntry,
  | "syssn"
  | "appCode"
  | "mchid"
  | "kind"
  | "payType"
  | "outTradeNo"
  | "txamt"
  | "txcurrcd"
  | "txdtm"
  | "txzone"
  | "preauth"
  | "origSyssn"
  | "goodsName"
  | "returnUrl"
> {
  readonly createdAt: Date;
  readonly goodsInfo?: string;
  readonly udid?: string;
  readonly expiresAt?: Date;
  state: EntryState;
  failRespcd?: string;
  paidAt?: Date;
  holdUntil?: Date;
  /** 1143 (password being entered) or 1145 (processing) while held. */
  holdRespcd?: string;
  holdTimer?: NodeJS.Timeout;
  refunded: number;
  /** Pre-auth freezes: set once deducted. */
  deductSyssn?: string;
  /** Pre-auth freezes: set once unfrozen. */
  unfrozen: boolean;
  /** Closed through /reversal (CPM style) rather than /close. */
  reversed: boolean;
  notes: string[];
}

export type NewEntry = Omit<Entry, "syssn" | "createdAt" | "state" | "refunded" | "unfrozen" | "reversed" | "notes" | "failRespcd" | "paidAt">;

/** Kinds that take an `out_trade_no` of their own and so compete for uniqueness. */
const NUMBERED_KINDS: ReadonlySet<EntryKind> = new Set(["payment", "refund", "deduct"]);

const STATE_RESPCD: Readonly<Record<Exclude<EntryState, "failed">, string>> = {
  pending: "1143",
  holding: "1143",
  succeeded: "0000",
  frozen: "0000",
  closed: "1142",
  expired: "1181",
};

/** States in which the payer may still pay. */
export const OPEN_STATES: ReadonlySet<EntryState> = new Set(["pending", "holding"]);

export function respcdOf(entry: Entry): string {
  if (entry.state === "failed") return entry.failRespcd ?? "1205";
  if (entry.state === "holding") return entry.holdRespcd ?? STATE_RESPCD.holding;
  return STATE_RESPCD[entry.state];
}

/**
 * The query's `cancel` flag: 0 nothing, 1 reversed (CPM), 2 cancelled/closed (MPM) or unfrozen,
 * 3 refunded, 4 pre-auth finished (deducted), 5 partly refunded.
 */
export function cancelFlagOf(entry: Entry): string {
  if (entry.state === "closed") return entry.reversed ? "1" : "2";
  if (entry.unfrozen) return "2";
  if (entry.deductSyssn !== undefined) return "4";
  if (entry.refunded > 0) return entry.refunded >= entry.txamt ? "3" : "5";
  return "0";
}

export type SettledListener = (entry: Entry) => void;

/**
 * The sandbox's money state: every payment, refund, close, pre-auth freeze, deduct and unfreeze, in memory.
 * State changes go through the methods here so indexes, expiry and notifications stay consistent.
 */
export class Ledger {
  private readonly bySyssn = new Map<string, Entry>();
  /** `${appCode}\n${out_trade_no}` → the entry that took the number. */
  private readonly byOutTradeNo = new Map<string, Entry>();
  private readonly usedAuthCodes = new Set<string>();
  private readonly nextSyssn: () => string;

  constructor(
    private readonly clock: () => Date,
    private readonly timers: TimerSet,
    /** Called when a payment, freeze or refund succeeds: the notifier listens here. */
    private readonly onSettled: SettledListener,
  ) {
    this.nextSyssn = syssnGenerator(clock);
  }

  now(): Date {
    return this.clock();
  }

  /** Refuses a number the merchant already used: 1102 for the same kind of request, 2011 across kinds. */
  assertOutTradeNoFree(appCode: string, outTradeNo: string, kind: EntryKind): void {
    const taken = this.byOutTradeNo.get(key(appCode, outTradeNo));
    if (!taken) return;
    if (taken.kind === kind) {
      throw new QfpayRefusal("1102", `out_trade_no ${outTradeNo} was already used for ${taken.kind} ${taken.syssn}`);
    }
    throw new QfpayRefusal("2011", `out_trade_no ${outTradeNo} is taken by ${taken.kind} ${taken.syssn}`);
  }

  /** Each CPM payment code works once. */
  useAuthCode(appCode: string, authCode: string): void {
    const code = key(appCode, authCode);
    if (this.usedAuthCodes.has(code)) throw new QfpayRefusal("1202", "auth_code was already used");
    this.usedAuthCodes.add(code);
  }

  /** A new syssn, for a record that must know its number before it is added. */
  issueSyssn(): string {
    return this.nextSyssn();
  }

  add(fields: NewEntry, syssn = this.nextSyssn()): Entry {
    const entry: Entry = {
      ...fields,
      syssn,
      createdAt: this.clock(),
      state: "pending",
      refunded: 0,
      unfrozen: false,
      reversed: false,
      notes: [],
    };
    this.bySyssn.set(entry.syssn, entry);
    if (NUMBERED_KINDS.has(entry.kind)) this.byOutTradeNo.set(key(entry.appCode, entry.outTradeNo), entry);
    return entry;
  }

  /** An entry of the merchant by syssn. */
  find(appCode: string, syssn: string): Entry | undefined {
    const entry = this.bySyssn.get(syssn);
    return entry?.appCode === appCode ? entry : undefined;
  }

  /** The payment (or deduct) the merchant numbered `outTradeNo`. */
  findByOutTradeNo(appCode: string, outTradeNo: string): Entry | undefined {
    return this.byOutTradeNo.get(key(appCode, outTradeNo));
  }

  /** Any merchant's entry, by syssn or out_trade_no: for the control API and wallet pages. */
  lookup(id: string): Entry | undefined {
    const direct = this.bySyssn.get(id);
    if (direct) return direct;
    return [...this.byOutTradeNo.values()].find((entry) => entry.outTradeNo === id);
  }

  /** Newest first. */
  entries(appCode?: string): Entry[] {
    this.expireDue();
    const all = [...this.bySyssn.values()].reverse();
    return appCode === undefined ? all : all.filter((entry) => entry.appCode === appCode);
  }

  snapshots(): LedgerEntry[] {
    return this.entries().map(snapshot);
  }

  /** Open orders whose time is up become expired (1181). Call before reading state. */
  expireDue(): void {
    const now = this.clock().getTime();
    for (const entry of this.bySyssn.values()) {
      if (OPEN_STATES.has(entry.state) && entry.expiresAt !== undefined && entry.expiresAt.getTime() <= now) {
        this.finish(entry, "expired");
      }
    }
  }

  /** The payer paid (pre-auth: the amount is frozen); refunds and deducts complete. Notifies. */
  settle(entry: Entry): void {
    this.requireOpen(entry, "pay");
    entry.paidAt = this.clock();
    this.finish(entry, entry.preauth && entry.kind === "payment" ? "frozen" : "succeeded");
    this.onSettled(entry);
  }

  /**
   * The wallet's approval crossed the merchant's close (or the code's expiry): QFPay records the payment anyway,
   * as wallets do when the shopper confirmed first. Only an unpaid payment; a pre-auth is frozen.
   */
  settleLate(entry: Entry): void {
    if (entry.kind !== "payment" || !["pending", "holding", "closed", "expired"].includes(entry.state)) {
      throw new StateError(`Cannot pay ${entry.kind} ${entry.syssn} late: it is ${entry.state}`);
    }
    this.timers.cancel(entry.holdTimer);
    entry.holdTimer = undefined;
    entry.paidAt = this.clock();
    this.finish(entry, entry.preauth ? "frozen" : "succeeded");
    this.onSettled(entry);
  }

  fail(entry: Entry, respcd: string): void {
    this.requireOpen(entry, "fail");
    entry.failRespcd = respcd;
    this.finish(entry, "failed");
  }

  /** `respcd` (1143 or 1145) until `ms` pass (then it is paid) or until something else settles it. */
  hold(entry: Entry, ms?: number, respcd: "1143" | "1145" = "1143"): void {
    this.requireOpen(entry, "hold");
    this.timers.cancel(entry.holdTimer);
    entry.state = "holding";
    entry.holdRespcd = respcd;
    entry.holdTimer = undefined;
    entry.holdUntil = undefined;
    if (ms === undefined) return;
    entry.holdUntil = new Date(this.clock().getTime() + ms);
    entry.holdTimer = this.timers.after(ms, () => {
      entry.holdTimer = undefined;
      this.expireDue();
      if (entry.state === "holding") this.settle(entry);
    });
  }

  close(entry: Entry, reversed: boolean): void {
    this.requireOpen(entry, "close");
    entry.reversed = reversed;
    this.finish(entry, "closed");
  }

  expire(entry: Entry): void {
    this.requireOpen(entry, "expire");
    this.finish(entry, "expired");
  }

  /** A frozen pre-auth is released (reversal). */
  unfreeze(freeze: Entry): void {
    if (freeze.state !== "frozen" || freeze.unfrozen || freeze.deductSyssn !== undefined) {
      throw new StateError(`Cannot unfreeze ${freeze.syssn}: it is not a frozen, unused pre-auth`);
    }
    freeze.unfrozen = true;
  }

  /** A frozen pre-auth is captured (authtrade), once. */
  markDeducted(freeze: Entry, deductSyssn: string): void {
    if (freeze.state !== "frozen" || freeze.unfrozen || freeze.deductSyssn !== undefined) {
      throw new StateError(`Cannot deduct from ${freeze.syssn}: it is not a frozen, unused pre-auth`);
    }
    freeze.deductSyssn = deductSyssn;
  }

  /** Books a refund (in progress or done) against the original's refundable amount. */
  reserveRefund(original: Entry, txamt: number): void {
    original.refunded += txamt;
  }

  private releaseRefund(refund: Entry): void {
    const original = refund.origSyssn === undefined ? undefined : this.bySyssn.get(refund.origSyssn);
    if (original) original.refunded -= refund.txamt;
  }

  private requireOpen(entry: Entry, action: string): void {
    this.expireDue();
    if (!OPEN_STATES.has(entry.state)) {
      throw new StateError(`Cannot ${action} ${entry.kind} ${entry.syssn}: it is ${entry.state}`);
    }
  }

  private finish(entry: Entry, state: EntryState): void {
    this.timers.cancel(entry.holdTimer);
    entry.holdTimer = undefined;
    entry.holdUntil = undefined;
    // A refund that ends without succeeding gives its reserved amount back to the original payment.
    if (entry.kind === "refund" && OPEN_STATES.has(entry.state) && state !== "succeeded") this.releaseRefund(entry);
    entry.state = state;
  }
}

/** A state change asked of an entry that is no longer open. */
export class StateError extends Error {
  override readonly name = "StateError";
}

export function snapshot(entry: Entry): LedgerEntry {
  return Object.freeze({
    syssn: entry.syssn,
    appCode: entry.appCode,
    ...(entry.mchid !== undefined ? { mchid: entry.mchid } : {}),
    kind: entry.kind,
    payType: entry.payType,
    outTradeNo: entry.outTradeNo,
    txamt: entry.txamt,
    txcurrcd: entry.txcurrcd,
    txdtm: entry.txdtm,
    txzone: entry.txzone,
    state: entry.state,
    respcd: respcdOf(entry),
    cancel: cancelFlagOf(entry),
    preauth: entry.preauth,
    createdAt: entry.createdAt.toISOString(),
    ...(entry.paidAt ? { paidAt: entry.paidAt.toISOString() } : {}),
    ...(entry.expiresAt ? { expiresAt: entry.expiresAt.toISOString() } : {}),
    ...(entry.holdUntil ? { holdUntil: entry.holdUntil.toISOString() } : {}),
    ...(entry.origSyssn !== undefined ? { origSyssn: entry.origSyssn } : {}),
    refunded: entry.refunded,
    ...(entry.deductSyssn !== undefined ? { deductSyssn: entry.deductSyssn } : {}),
    ...(entry.goodsName !== undefined ? { goodsName: entry.goodsName } : {}),
    ...(entry.returnUrl !== undefined ? { returnUrl: entry.returnUrl } : {}),
    notes: Object.freeze([...entry.notes]),
  });
}

function key(appCode: string, value: string): string {
  return `${appCode}\n${value}`;
}
