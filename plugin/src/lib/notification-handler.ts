import type { WebhookActionResult } from "@medusajs/framework/types";
import { parseQfpayJson, type Notification } from "@qfpay-medusa/shared/server";
import { headerValue, matchPaymentToSession, readNotification } from "../providers/qfpay/notification-check";
import { readSessionData, type QfpaySessionData } from "../providers/qfpay/session-data";
import type { CheckoutStatusService, LockLike } from "./checkout-status/checkout-status-service";
import type { QfpayGateway } from "./qfpay-gateways";
import { isPaidSessionStatus } from "../providers/qfpay/state-mapping";

/** The payment module methods the handler uses (a subset of Medusa's IPaymentModuleService). */
export interface PaymentsLike {
  retrievePaymentSession(
    id: string,
    config?: { select?: string[] },
  ): Promise<{ id: string; provider_id: string; status: string; data?: Record<string, unknown> | null }>;
  getWebhookActionAndData(event: {
    provider: string;
    payload: { data: Record<string, unknown>; rawData: string | Buffer; headers: Record<string, unknown> };
  }): Promise<WebhookActionResult>;
  listPayments(
    filters: { payment_session_id: string },
    config?: { select?: string[] },
  ): Promise<Array<{ id: string; data?: Record<string, unknown> | null }>>;
  updatePayment(data: { id: string; data: Record<string, unknown> }): Promise<unknown>;
}

export interface LoggerLike {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface NotificationDeps {
  gateway: QfpayGateway;
  payments: PaymentsLike;
  /** Runs Medusa's processPaymentWorkflow: authorizes, captures and completes the cart into an order. */
  processPayment(input: WebhookActionResult): Promise<void>;
  status: CheckoutStatusService;
  lock?: LockLike | undefined;
  logger: LoggerLike;
  now?: () => Date;
}

export interface NotificationRequest {
  rawBody: Buffer | string;
  headers: Record<string, unknown>;
}

export interface NotificationAnswer {
  status: number;
  /** QFPay stops retrying only on HTTP 200 with the body SUCCESS. */
  body: "SUCCESS" | "FAIL";
}

const ACKNOWLEDGED: NotificationAnswer = { status: 200, body: "SUCCESS" };
/**
 * A QFPay notification, start to end: verify the signature over the raw bytes with the provider's key, check it
 * against the session, let Medusa turn it into an order, answer SUCCESS. Forged, malformed or mismatched
 * notifications change nothing and are not acknowledged; a duplicate is acknowledged and changes nothing.
 * Log lines carry QFPay's public ids only.
 */
export async function handleQfpayNotification(request: NotificationRequest, deps: NotificationDeps): Promise<NotificationAnswer> {
  const { gateway, logger } = deps;
  const verdict = readNotification(
    request.rawBody,
    headerValue(request.headers, "x-qf-sign"),
    gateway.options.clientKey,
    gateway.options.outTradeNoPrefix,
  );
  switch (verdict.kind) {
    case "rejected":
      logger.warn(`QFPay notification rejected (${verdict.reason}): ${verdict.reason === "bad_signature" ? "X-QF-SIGN does not match" : "not a notification body"}`);
      return { status: verdict.reason === "bad_signature" ? 401 : 400, body: "FAIL" };
    case "foreign":
      logger.info(`QFPay notification ${verdict.notification.syssn} is for ${verdict.notification.out_trade_no}, not an order of this store: acknowledged`);
      return ACKNOWLEDGED;
    case "other":
      logger.info(`QFPay ${verdict.notification.notify_type} notification ${verdict.notification.syssn} for session ${verdict.sessionId}: acknowledged`);
      return ACKNOWLEDGED;
    case "refund":
      return recordRefund(verdict.sessionId, verdict.notification, deps);
    case "payment":
      return underLock(deps, `qfpay-notify:${verdict.sessionId}`, () => processPaymentNotification(request, verdict, deps));
  }
}

async function processPaymentNotification(
  request: NotificationRequest,
  verdict: { notification: Notification; sessionId: string },
  deps: NotificationDeps,
): Promise<NotificationAnswer> {
  const { gateway, payments, logger } = deps;
  const { notification, sessionId } = verdict;
  const session = await payments.retrievePaymentSession(sessionId, { select: ["id", "provider_id", "status", "data"] }).catch(() => undefined);
  if (!session || session.provider_id !== gateway.providerId) {
    logger.error(`QFPay payment ${notification.syssn} (${notification.out_trade_no}) has no matching QFPay payment session: not acknowledged, check the QFPay portal`);
    return { status: 404, body: "FAIL" };
  }
  let data: QfpaySessionData;
  try {
    data = readSessionData(session.data);
  } catch {
    logger.error(`QFPay payment ${notification.syssn}: payment session ${sessionId} holds no QFPay order`);
    return { status: 409, body: "FAIL" };
  }
  const match = matchPaymentToSession(notification, data);
  if (!match.ok) {
    logger.warn(`QFPay payment notification ${notification.syssn} for session ${sessionId} does not match: ${match.reason}`);
    return { status: 409, body: "FAIL" };
  }
  if (isPaidSessionStatus(session.status)) {
    logger.info(`QFPay payment notification ${notification.syssn} for session ${sessionId} repeated: already processed`);
    return ACKNOWLEDGED;
  }
  await deps.status.recordNotification(data, notification.syssn);

  const action = await payments.getWebhookActionAndData({
    provider: gateway.providerId,
    payload: { data: parsedBody(request.rawBody), rawData: request.rawBody, headers: request.headers },
  });
  if (action.action !== "authorized" && action.action !== "captured") {
    logger.warn(`QFPay payment notification ${notification.syssn}: the provider answered ${action.action}; nothing done`);
    return { status: 409, body: "FAIL" };
  }
  try {
    await deps.processPayment(action);
  } catch (error) {
    logger.error(`QFPay payment ${notification.syssn} for session ${sessionId} could not be processed: ${(error as Error).message}`);
    return { status: 500, body: "FAIL" };
  }
  logger.info(`QFPay payment ${notification.syssn} for session ${sessionId} processed (${action.action})`);
  return ACKNOWLEDGED;
}

async function recordRefund(
  sessionId: string,
  notification: Notification,
  deps: NotificationDeps,
): Promise<NotificationAnswer> {
  const { payments, logger } = deps;
  const [payment] = await payments.listPayments({ payment_session_id: sessionId }, { select: ["id", "data"] });
  if (!payment) {
    logger.warn(`QFPay refund notification ${notification.syssn}: no payment for session ${sessionId}`);
    return { status: 404, body: "FAIL" };
  }
  const data = readSessionData(payment.data);
  const refund = data.refunds.find((entry) => entry.out_trade_no === notification.out_trade_no);
  if (!refund) {
    // The number is one of ours, so Medusa made this refund; QFPay can notify before Medusa has recorded it.
    // Not acknowledging makes QFPay send it again later, when the refund is on record.
    logger.info(`QFPay refund ${notification.syssn} (${notification.out_trade_no}) is not on record yet; QFPay will send it again`);
    return { status: 409, body: "FAIL" };
  }
  if (refund.amount !== notification.txamt || data.currency_code.toUpperCase() !== notification.txcurrcd.toUpperCase()) {
    logger.warn(`QFPay refund notification ${notification.syssn} does not match refund ${refund.out_trade_no} (amount or currency)`);
    return { status: 409, body: "FAIL" };
  }
  if (refund.notified_at) return ACKNOWLEDGED;
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const refunds = data.refunds.map((entry) =>
    entry === refund ? { ...entry, status: "succeeded" as const, syssn: notification.syssn, notified_at: now } : entry,
  );
  await payments.updatePayment({ id: payment.id, data: { ...data, refunds } });
  logger.info(`QFPay refund ${notification.syssn} (${refund.out_trade_no}) recorded`);
  return ACKNOWLEDGED;
}

function underLock<T>(deps: NotificationDeps, key: string, job: () => Promise<T>): Promise<T> {
  return deps.lock ? deps.lock.execute(key, job, { timeout: 30, expire: 60 }) : job();
}

function parsedBody(rawBody: Buffer | string): Record<string, unknown> {
  const text = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
  return parseQfpayJson(text) as Record<string, unknown>;
}
