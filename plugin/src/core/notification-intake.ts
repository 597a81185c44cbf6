import { parseOutTradeNo, type Notification } from "@qfpay-medusa/shared/server";
import { headerValue, readNotification } from "../qfpay";
import type { SessionPayments } from "./session-payments";
import type { StoreOrders } from "./store-orders";

export interface NotificationRequest {
  rawBody: Buffer | string;
  headers: Record<string, unknown>;
}

export interface NotificationAnswer {
  status: number;
  /** QFPay stops retrying only on HTTP 200 with the body SUCCESS. */
  body: "SUCCESS" | "FAIL";
}

export interface NotificationIntakeDeps {
  payments: SessionPayments;
  clientKey: string;
  outTradeNoPrefix?: string | undefined;
  medusa: StoreOrders;
  logger: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

const ACKNOWLEDGED: NotificationAnswer = { status: 200, body: "SUCCESS" };

/**
 * The one path of a QFPay notification: verify the signature over the raw bytes, put what it says on record
 * under the session's lock, then let Medusa complete the cart when it is the session's current order. It is
 * acknowledged once it is on record (the status sync confirms it with QFPay, the reconciliation settles
 * orphans); forged, malformed and contradicting notifications change nothing and are not acknowledged.
 */
export async function receiveNotification(request: NotificationRequest, deps: NotificationIntakeDeps): Promise<NotificationAnswer> {
  const { logger } = deps;
  const verdict = readNotification(request.rawBody, headerValue(request.headers, "x-qf-sign"), deps.clientKey, deps.outTradeNoPrefix);
  switch (verdict.kind) {
    case "rejected":
      logger.warn(
        `QFPay notification rejected (${verdict.reason}): ${verdict.reason === "bad_signature" ? "X-QF-SIGN does not match" : "not a notification body"}`,
      );
      return { status: verdict.reason === "bad_signature" ? 401 : 400, body: "FAIL" };
    case "foreign":
      return foreign(verdict.notification, deps);
    case "other":
      logger.info(`QFPay ${verdict.notification.notify_type} notification ${verdict.notification.syssn} for session ${verdict.sessionId}: acknowledged`);
      return ACKNOWLEDGED;
    case "payment":
    case "refund":
      return onRecord(verdict.sessionId, verdict.notification, deps);
  }
}

async function onRecord(sessionId: string, notification: Notification, deps: NotificationIntakeDeps): Promise<NotificationAnswer> {
  const { logger } = deps;
  const decision = await deps.payments.notification(sessionId, notification);
  if (decision.kind === "mismatch") {
    logger.warn(`QFPay ${notification.notify_type} notification ${notification.syssn} for session ${sessionId} not accepted: ${decision.message}`);
    return { status: 409, body: "FAIL" };
  }
  if (decision.kind === "recorded") {
    logger.info(`QFPay ${notification.notify_type} notification ${notification.syssn} (${notification.out_trade_no}): ${decision.message}`);
    return ACKNOWLEDGED;
  }
  try {
    await deps.medusa.complete(decision.sessionId, decision.action);
  } catch (error) {
    logger.error(`QFPay payment ${notification.syssn} for session ${sessionId} could not be processed: ${(error as Error).message}`);
    return { status: 500, body: "FAIL" };
  }
  logger.info(`QFPay payment ${notification.syssn} for session ${sessionId} processed (${decision.action})`);
  return ACKNOWLEDGED;
}

/** Not a number this store made: a refund made in QFPay's portal or app is put on record against its payment. */
async function foreign(notification: Notification, deps: NotificationIntakeDeps): Promise<NotificationAnswer> {
  const origin = notification.orig_syssn;
  if (notification.notify_type.toLowerCase() === "refund" && origin) {
    const payment = await deps.payments.store.paymentBySyssn(origin);
    if (payment) {
      await deps.payments.recordOutsideRefund(payment, {
        syssn: notification.syssn,
        out_trade_no: notification.out_trade_no,
        txamt: notification.txamt,
        succeeded: notification.respcd === "0000",
      });
      deps.logger.info(`QFPay refund ${notification.syssn} of payment ${origin}, made outside this store, is on record`);
      return ACKNOWLEDGED;
    }
  }
  const ours = parseOutTradeNo(notification.out_trade_no) !== undefined;
  deps.logger.info(
    `QFPay notification ${notification.syssn} is for ${notification.out_trade_no}, ${ours ? "another prefix" : "not an order of this store"}: acknowledged`,
  );
  return ACKNOWLEDGED;
}
