import type { ResolvedQfpayOptions } from "../qfpay";
import { OPEN_STATES, type TransactionState } from "./ledger";

/**
 * When the status sync asks QFPay next about a transaction: soon while a tab watches it, rarely when nobody
 * does, never once it has ended. A random spread keeps sessions opened together from asking in the same second.
 */
export function nextCheckAt(
  state: TransactionState,
  watchedUntil: Date | null,
  now: Date,
  options: Pick<ResolvedQfpayOptions, "statusQueryIntervalSeconds" | "idleCheckSeconds">,
  random: () => number = Math.random,
): Date | null {
  if (!OPEN_STATES.has(state)) return null;
  const watched = watchedUntil !== null && watchedUntil.getTime() > now.getTime();
  const seconds = watched || state === "processing" ? options.statusQueryIntervalSeconds : options.idleCheckSeconds;
  const spread = 0.8 + random() * 0.4;
  return new Date(now.getTime() + seconds * 1000 * spread);
}
