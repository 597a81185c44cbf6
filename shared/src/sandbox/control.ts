import { SandboxControlError } from "./errors.js";
import type { Faults } from "./faults.js";
import { snapshot, StateError, type Entry, type Ledger } from "./ledger.js";
import type { Notifier } from "./notifier.js";
import type { LedgerEntry, SandboxControl } from "./types.js";

const DEFAULT_FAIL_RESPCD = "1201";
/** Codes that are not failures and so cannot be what `fail` sets. */
const NOT_FAILURES: ReadonlySet<string> = new Set(["0000", "1143", "1145"]);

/** The test controls over the sandbox's state, in-process. */
export function createControl(ledger: Ledger, faults: Faults, notifier: Notifier): SandboxControl {
  function act(id: string, change: (entry: Entry) => void): LedgerEntry {
    if (typeof id !== "string" || id === "") throw new SandboxControlError("bad_request", "id (syssn or out_trade_no) is required");
    ledger.expireDue();
    const entry = ledger.lookup(id);
    if (!entry) throw new SandboxControlError("not_found", `No transaction with syssn or out_trade_no "${id}"`);
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
    fail(id, respcd = DEFAULT_FAIL_RESPCD) {
      if (typeof respcd !== "string" || !/^\d{4}$/.test(respcd) || NOT_FAILURES.has(respcd)) {
        throw new SandboxControlError("bad_request", `respcd must be a four-digit failure code, got "${String(respcd)}"`);
      }
      return act(id, (entry) => ledger.fail(entry, respcd));
    },
    hold(id, ms) {
      if (ms !== undefined && (typeof ms !== "number" || !Number.isSafeInteger(ms) || ms < 0)) {
        throw new SandboxControlError("bad_request", "ms must be a whole number of milliseconds ≥ 0");
      }
      return act(id, (entry) => ledger.hold(entry, ms));
    },
    expire: (id) => act(id, (entry) => ledger.expire(entry)),
    faults: {
      set: (settings) => faults.set(settings),
      clear: () => faults.clear(),
      current: () => faults.current(),
    },
    notifications: () => notifier.attempts(),
    ledger: () => ledger.snapshots(),
  };
}
