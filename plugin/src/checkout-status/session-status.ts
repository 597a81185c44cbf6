import type { CheckoutStatus, CheckoutStatusValue } from "@qfpay-medusa/shared";
import { isGivenBack } from "../core/ledger";
import type { SessionPayments } from "../core/session-payments";
import { readSessionData } from "../qfpay";
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
  let status = await read(payments, sessionId);
  if (!status) return undefined;
  await payments.watch(sessionId);
  const deadline = Date.now() + Math.min(query.waitSeconds ?? 0, MAX_WAIT_SECONDS) * 1000;
  // Held while the status is still `unless`: woken by any change of the session's records, it looks again.
  while (query.unless !== undefined && status.status === query.unless && Date.now() < deadline && !query.signal?.aborted) {
    await waiting.wait(sessionId, Math.min(deadline - Date.now(), WATCH_RENEW_MS), query.signal);
    await payments.watch(sessionId);
    status = (await read(payments, sessionId)) ?? status;
  }
  return status;
}

/** A held request renews its session's watch this often, so the sync keeps asking about it often. */
const WATCH_RENEW_MS = 5_000;

async function read(payments: SessionPayments, sessionId: string): Promise<CheckoutStatus | undefined> {
  const current = await payments.store.currentPaymentOf(sessionId);
  if (!current?.data) return undefined;
  const body = checkoutStatusBody(readSessionData(current.data), payments.now());
  if (!isGivenBack(current)) return body;
  // No order could take the payment: the shopper has it back and pays again (the reason is for admins).
  return { ...body, status: "failed", message: "The payment is being refunded in full: the order could not be placed. Please pay again" };
}
