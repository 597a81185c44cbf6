import { SandboxControlError } from "./errors.js";
import { snapshot, StateError, type Entry, type Ledger } from "./ledger.js";
import type { LedgerEntry } from "./types.js";

const DEFAULT_FAIL_RESPCD = "1201";
/** Codes that are not failures and so cannot be what `fail` sets. */
const NOT_FAILURES: ReadonlySet<string> = new Set(["0000", "1143", "1145"]);

/** What the payer (or QFPay) does to an order, by syssn or out_trade_no: for the control API and race hooks. */
export interface LedgerActions {
  pay(id: string): LedgerEntry;
  /** Paid although it was closed or expired: the approval crossed the close. */
  payLate(id: string): LedgerEntry;
  fail(id: string, respcd?: string): LedgerEntry;
  hold(id: string, ms?: number): LedgerEntry;
  expire(id: string): LedgerEntry;
}

export function createLedgerActions(ledger: Ledger): LedgerActions {
  function act(id: string, change: (entry: Entry) => void): LedgerEntry {
    const entry = findEntry(ledger, id);
    try {
      change(entry);
    } catch (error) {
      if (error instanceof StateError) throw new SandboxControlError("invalid_state", error.message);
      throw error;
    }
    return snapshot(entry);
  }

  return {
    pay: (id) => act(id, (entry) => ledger.settle(entry)),
    payLate: (id) => act(id, (entry) => ledger.settleLate(entry)),
    fail(id, respcd = DEFAULT_FAIL_RESPCD) {
      checkFailRespcd(respcd);
      return act(id, (entry) => ledger.fail(entry, respcd));
    },
    hold(id, ms) {
      checkHoldMs(ms);
      return act(id, (entry) => ledger.hold(entry, ms));
    },
    expire: (id) => act(id, (entry) => ledger.expire(entry)),
  };
}

export function checkFailRespcd(respcd: unknown): void {
  if (typeof respcd !== "string" || !/^\d{4}$/.test(respcd) || NOT_FAILURES.has(respcd)) {
    throw new SandboxControlError("bad_request", `respcd must be a four-digit failure code, got "${String(respcd)}"`);
  }
}

export function checkHoldMs(ms: unknown): void {
  if (ms !== undefined && (typeof ms !== "number" || !Number.isSafeInteger(ms) || ms < 0)) {
    throw new SandboxControlError("bad_request", "ms must be a whole number of milliseconds ≥ 0");
  }
}

/** Any merchant's entry by syssn or out_trade_no, with expiry applied; not_found otherwise. */
export function findEntry(ledger: Ledger, id: string): Entry {
  if (typeof id !== "string" || id === "") throw new SandboxControlError("bad_request", "id (syssn or out_trade_no) is required");
  ledger.expireDue();
  const entry = ledger.lookup(id);
  if (!entry) throw new SandboxControlError("not_found", `No transaction with syssn or out_trade_no "${id}"`);
  return entry;
}
