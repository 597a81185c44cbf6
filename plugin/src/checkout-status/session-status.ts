import type { CheckoutStatus, CheckoutStatusValue } from "@qfpay-medusa/shared";
import { currentPayment } from "../core/ledger";
import type { SessionPayments } from "../core/session-payments";
import { dataOf } from "../core/session-payments";
import { checkoutStatusBody } from "./status-body";

/** Payment session ids as Medusa makes them; anything else (a NUL byte, a path) is no session. */
const SESSION_ID = /^[A-Za-z0-9_]{1,64}$/;

/** The longest a status request may be held open waiting for a change. */
export const MAX_WAIT_SECONDS = 25;

export interface StatusQuery {
  /** Hold the request up to this many seconds while the status is still `unless`. */
  waitSeconds?: number | undefined;
  unless?: CheckoutStatusValue | undefined;
  signal?: AbortSignal | undefined;
}

export interface SessionWaiting {
  wait(sessionId: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
}

export function isSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

/**
 * The checkout status of a session, from the ledger only (QFPay is never asked on a shopper's request: the
 * status sync does that for all sessions together). Marks the session as watched so the sync asks about it
 * sooner, and may hold the request until the status changes.
 */
export async function sessionStatus(
  payments: SessionPayments,
  waiting: SessionWaiting,
  sessionId: string,
  query: StatusQuery = {},
): Promise<CheckoutStatus | undefined> {
  if (!isSessionId(sessionId)) return undefined;
  const first = await read(payments, sessionId);
  if (!first) return undefined;
  await payments.watch(sessionId);
  const waitSeconds = Math.min(query.waitSeconds ?? 0, MAX_WAIT_SECONDS);
  if (waitSeconds <= 0 || query.unless === undefined || first.status !== query.unless) return first;
  await waiting.wait(sessionId, waitSeconds * 1000, query.signal);
  return (await read(payments, sessionId)) ?? first;
}

async function read(payments: SessionPayments, sessionId: string): Promise<CheckoutStatus | undefined> {
  const record = currentPayment(await payments.store.ofSession(sessionId));
  if (!record?.data) return undefined;
  return checkoutStatusBody(dataOf(record), payments.now());
}
