import type { Entry, Ledger } from "../ledger.js";

const IN_PROGRESS = ["1143", "1145"] as const;
type InProgress = (typeof IN_PROGRESS)[number];
const isInProgress = (respcd: string): respcd is InProgress => (IN_PROGRESS as readonly string[]).includes(respcd);

/**
 * Puts a new record into the state a return code stands for: 0000 done, 1143/1145 held until the control
 * API settles it, anything else failed with that code.
 */
export function applyOutcome(ledger: Ledger, entry: Entry, respcd: string): void {
  if (respcd === "0000") ledger.settle(entry);
  else if (isInProgress(respcd)) ledger.hold(entry, undefined, respcd);
  else ledger.fail(entry, respcd);
}
