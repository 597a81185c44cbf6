import type { Entry, Ledger } from "../ledger.js";

const IN_PROGRESS: ReadonlySet<string> = new Set(["1143", "1145"]);

/**
 * Puts a new record into the state a return code stands for: 0000 done, 1143/1145 held until the control
 * API settles it, anything else failed with that code.
 */
export function applyOutcome(ledger: Ledger, entry: Entry, respcd: string): void {
  if (respcd === "0000") ledger.settle(entry);
  else if (IN_PROGRESS.has(respcd)) ledger.hold(entry);
  else ledger.fail(entry, respcd);
}
