import { QfpayGatewayError, statusCode, type Notification, type QueryRecord } from "@qfpay-medusa/shared/server";
import {
  ended,
  holdsMoney,
  nextAttempt,
  observeOrder,
  paidStateOf,
  QfpayOperationError,
  readSessionData,
  STATE_TABLE,
  type NewOrder,
  type OrderChange,
  type QfpayOrders,
  type QfpaySessionData,
  type ResolvedQfpayOptions,
} from "../qfpay";
import {
  currentPayment,
  holdsMoneyRecord,
  isGivenBack,
  type LedgerEvent,
  type NewTransaction,
  type TransactionChanges,
  type TransactionRecord,
  type TransactionStore,
} from "./ledger";
import { nextCheckAt } from "./check-schedule";
import type { SessionLock } from "./session-lock";

export interface SessionPaymentsDeps {
  orders: QfpayOrders;
  store: TransactionStore;
  lock: SessionLock;
  options: ResolvedQfpayOptions;
  now?: () => Date;
  /** Told after a session's recorded state changed (status long-polls on every instance listen for it). */
  onChange?: ((sessionId: string) => void | Promise<void>) | undefined;
}

/** What a payment notification asks of Medusa once it is on record. */
export type NotificationDecision =
  /** The session's current order is paid: let Medusa authorize, capture and complete the cart. */
  | { kind: "complete"; sessionId: string; action: "captured" | "authorized" }
  /** On record; nothing for Medusa to do now (a duplicate, an orphan the reconciliation refunds, a refund). */
  | { kind: "recorded"; message: string }
  /** Signed by QFPay but contradicting the record (amount, currency, syssn): not acknowledged. */
  | { kind: "mismatch"; message: string };

/**
 * Every transition of a payment session's money, each under the session's lock, each recorded in the ledger
 * before QFPay is asked and again from its answer. The ledger, not `session.data`, says which attempt is the
 * session's current one, so a view that is behind can never make the plugin open, close or take money twice.
 */
export class SessionPayments {
  readonly now: () => Date;

  constructor(private readonly deps: SessionPaymentsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  get store(): TransactionStore {
    return this.deps.store;
  }

  get orders(): QfpayOrders {
    return this.deps.orders;
  }

  /** Opens a session's first QFPay order (or the next one, if the session somehow has one already). */
  open(order: NewOrder): Promise<QfpaySessionData> {
    return this.deps.lock.run(order.sessionId, async () => {
      const current = currentPayment(await this.deps.store.ofSession(order.sessionId));
      return this.openAttempt({ ...order, attempt: current ? current.attempt + 1 : order.attempt });
    });
  }

  /** The current order, asked of QFPay unless its state is final; `shopperStartedPaying` starts the 1143 clock. */
  refreshCurrent(sessionId: string, fallback: QfpaySessionData, shopperStartedPaying = false): Promise<QfpaySessionData> {
    return this.deps.lock.run(sessionId, async () => {
      const record = await this.currentRecord(sessionId, fallback);
      return this.refreshed(record, shopperStartedPaying);
    });
  }

  /**
   * The current order as Medusa authorizes the session with it. A payment given back (refunded, being refunded
   * or awaiting an admin's refund, because no order could take it) never pays for an order afterwards.
   */
  authorize(sessionId: string, fallback: QfpaySessionData): Promise<QfpaySessionData> {
    return this.deps.lock.run(sessionId, async () => {
      const record = await this.currentRecord(sessionId, fallback);
      if (isGivenBack(record)) {
        throw new QfpayOperationError(
          "given_back",
          `This QFPay payment (${record.out_trade_no}) is ${record.resolution === "awaiting_refund" ? "waiting to be refunded" : "refunded"}${record.resolution_note ? ` (${record.resolution_note})` : ""}: it cannot pay for an order; pay again`,
        );
      }
      return this.refreshed(record, true);
    });
  }

  /**
   * A new code in place of the current one. Refused when the order is paid (also when it turns out paid while
   * being closed), too soon after the last code, or after too many codes.
   */
  replace(sessionId: string, fallback: QfpaySessionData, change: OrderChange, byShopper: boolean): Promise<QfpaySessionData> {
    return this.deps.lock.run(sessionId, async () => {
      const record = await this.currentRecord(sessionId, fallback);
      if (holdsMoneyRecord(record)) throw alreadyPaid();
      if (byShopper) this.checkRefreshAllowed(record);
      const withdrawn = await this.save(record, await this.deps.orders.withdraw(dataOf(record), "Replaced by a new code"));
      if (holdsMoney(withdrawn.state)) throw alreadyPaid();
      await this.deps.store.update(record.out_trade_no, { superseded: true });
      await this.event({
        session_id: sessionId,
        out_trade_no: record.out_trade_no,
        kind: "superseded",
        message: `Attempt ${record.attempt} was replaced by a new code`,
      });
      return this.openAttempt(nextAttempt(withdrawn, change));
    });
  }

  /**
   * Cancels the current order: close/reversal when unpaid, unfreeze when frozen. Refused when paid, also when
   * the close finds it paid meanwhile: the payment is on record and must be refunded, never called cancelled.
   */
  cancel(sessionId: string, fallback: QfpaySessionData): Promise<QfpaySessionData> {
    return this.deps.lock.run(sessionId, async () => {
      const record = await this.currentRecord(sessionId, fallback);
      const current = await this.save(record, await this.deps.orders.refresh(dataOf(record)));
      if (current.state === "paid") throw paidNotCancelled();
      const result = await this.save({ ...record, state: current.state }, await this.deps.orders.cancel(current));
      if (holdsMoney(result.state)) throw paidNotCancelled();
      return result;
    });
  }

  /** Takes the money of a frozen pre-authorization; the capture is on record before authtrade is sent. */
  capture(sessionId: string, fallback: QfpaySessionData, amount?: number): Promise<QfpaySessionData> {
    return this.deps.lock.run(sessionId, async () => {
      const record = await this.currentRecord(sessionId, fallback);
      const data = dataOf(record);
      if (!data.preauth || data.capture) return data;
      const outTradeNo = this.deps.orders.captureOutTradeNo(data);
      const capture =
        (await this.deps.store.get(outTradeNo)) ?? (await this.deps.store.insert(this.followUp(record, "capture", outTradeNo, amount ?? data.amount)));
      try {
        const next = await this.deps.orders.capture(data, amount ?? data.amount);
        await this.deps.store.update(capture.out_trade_no, {
          state: "succeeded",
          syssn: next.capture?.syssn ?? null,
          confirmed_at: this.now(),
          next_check_at: null,
        });
        return this.save(record, next);
      } catch (error) {
        if (error instanceof QfpayGatewayError || error instanceof QfpayOperationError) {
          await this.deps.store.update(capture.out_trade_no, { state: "failed", state_message: error.message, next_check_at: null });
        }
        throw error;
      }
    });
  }

  /**
   * Refunds `amount` of the session's paid order. A refund that QFPay settled without Medusa knowing (still
   * processing when asked, or made in QFPay's portal) is adopted instead of sent again. While one is still being
   * processed, no other is sent; QFPay still processing this one is an `in_progress` error, and the status sync
   * follows it until it ends.
   */
  refund(sessionId: string, fallback: QfpaySessionData, amount: number, idempotencyKey?: string): Promise<QfpaySessionData> {
    return this.deps.lock.run(sessionId, async () => {
      const records = await this.deps.store.ofSession(sessionId);
      const payment = paidPayment(records, fallback) ?? (await this.currentRecord(sessionId, fallback));
      const data = dataOf(payment);
      const refunds = refundsOf(records, payment);
      const adoptable = refunds.find((refund) => refund.state === "succeeded" && refund.resolution === null && refund.amount === amount);
      if (adoptable) return this.adopt(payment, data, adoptable, idempotencyKey);
      const unsettled = refunds.find((refund) => refund.state === "requested");
      if (unsettled) {
        throw new QfpayOperationError(
          "in_progress",
          `QFPay is still processing refund ${unsettled.out_trade_no}; it is recorded here once QFPay confirms it. Refund again after that, if needed`,
        );
      }
      if (idempotencyKey && data.refunds.some((refund) => refund.idempotency_key === idempotencyKey)) return data;
      const outTradeNo = this.deps.orders.refundOutTradeNo(data, refunds.length);
      // Refunded in full before it is any order's payment (Medusa gives the money back when a cart's completion
      // fails): from now on it is given back, and no cart can be completed with it.
      const givesAllBack = payment.resolution === null && amount >= payment.amount - refundedOf(records, payment);
      await this.deps.store.insert({ ...this.followUp(payment, "refund", outTradeNo, amount), idempotency_key: idempotencyKey ?? null });
      if (givesAllBack) await this.deps.store.update(payment.out_trade_no, { resolution: "refunding", resolution_note: "refunded in full through Medusa" });
      let next: QfpaySessionData;
      try {
        next = await this.deps.orders.refund(data, amount, idempotencyKey, outTradeNo);
      } catch (error) {
        const refused = error instanceof QfpayOperationError && error.code === "refund_refused";
        if (refused || error instanceof QfpayGatewayError) {
          await this.deps.store.update(outTradeNo, { state: "failed", state_message: (error as Error).message, next_check_at: null });
          if (givesAllBack) await this.deps.store.update(payment.out_trade_no, { resolution: null, resolution_note: null });
        }
        throw error;
      }
      const sent = next.refunds.find((refund) => refund.out_trade_no === outTradeNo)!;
      await this.save(payment, next, givesAllBack && sent.status !== "pending" ? { resolution: "refunded" } : {});
      if (sent.status === "pending") {
        await this.deps.store.update(outTradeNo, { next_check_at: new Date(this.now().getTime() + 5000) });
        throw new QfpayOperationError(
          "in_progress",
          `QFPay accepted the refund (${outTradeNo}) and is still processing it; it is recorded on this order once QFPay confirms it`,
        );
      }
      await this.deps.store.update(outTradeNo, {
        state: "succeeded",
        syssn: sent.syssn ?? null,
        confirmed_at: this.now(),
        resolution: "recorded",
        next_check_at: null,
      });
      return next;
    });
  }

  /**
   * Gives back all the money of a paid order that can be no order: the rest of it refunded (a frozen
   * pre-authorization unfrozen), on record with the reason.
   */
  refundOrphan(record: TransactionRecord, reason: string): Promise<void> {
    return this.deps.lock.run(record.session_id, async () => {
      const fresh = await this.deps.store.get(record.out_trade_no);
      if (!fresh?.data || fresh.resolution !== null) return;
      const data = dataOf(fresh);
      if (fresh.state === "frozen") {
        await this.save(fresh, await this.deps.orders.cancel(data), { resolution: "refunded", resolution_note: reason });
        await this.event({
          session_id: fresh.session_id,
          out_trade_no: fresh.out_trade_no,
          kind: "orphan_refunded",
          message: `Released the frozen amount: ${reason}`,
        });
        return;
      }
      const records = await this.deps.store.ofSession(fresh.session_id);
      const remaining = fresh.amount - refundedOf(records, fresh);
      if (remaining <= 0) {
        // Given back in full, or on its way: an answer not read yet is followed until QFPay says how it ended.
        const inFlight = refundsOf(records, fresh).some((entry) => entry.state === "requested");
        await this.deps.store.update(fresh.out_trade_no, { resolution: inFlight ? "refunding" : "refunded", resolution_note: reason });
        return;
      }
      const outTradeNo = this.deps.orders.refundOutTradeNo(data, refundsOf(records, fresh).length);
      await this.deps.store.insert(this.followUp(fresh, "refund", outTradeNo, remaining));
      let next: QfpaySessionData;
      try {
        next = await this.deps.orders.refund(data, remaining, undefined, outTradeNo);
      } catch (error) {
        if (error instanceof QfpayGatewayError || (error instanceof QfpayOperationError && error.code === "refund_refused")) {
          await this.deps.store.update(outTradeNo, { state: "failed", state_message: (error as Error).message, next_check_at: null });
        }
        throw error;
      }
      const sent = next.refunds.find((entry) => entry.out_trade_no === outTradeNo)!;
      const settled = sent.status === "succeeded";
      await this.deps.store.update(
        outTradeNo,
        settled
          ? { state: "succeeded", syssn: sent.syssn ?? null, confirmed_at: this.now(), resolution: "recorded", next_check_at: null }
          : { next_check_at: new Date(this.now().getTime() + 5000) },
      );
      await this.save(fresh, next, { resolution: settled ? "refunded" : "refunding", resolution_note: reason });
      await this.event({
        session_id: fresh.session_id,
        out_trade_no: fresh.out_trade_no,
        kind: "orphan_refunded",
        message: `${settled ? "Refunded" : "Refund sent for"} ${remaining} ${fresh.currency_code.toUpperCase()} in full: ${reason}`,
      });
    });
  }

  /** A notification QFPay signed, put on record under the session's lock; says what Medusa should do next. */
  notification(sessionId: string, notification: Notification): Promise<NotificationDecision> {
    return this.deps.lock.run(sessionId, () =>
      notification.notify_type.toLowerCase() === "refund" ? this.refundNotification(notification) : this.paymentNotification(sessionId, notification),
    );
  }

  /**
   * What the status sync learnt from a query about a payment (its `order_type=payment` record). Applied under
   * the lock against the record as it is then, so it never undoes what happened meanwhile.
   */
  observePayment(record: TransactionRecord, seen: QueryRecord | undefined): Promise<void> {
    return this.deps.lock.run(record.session_id, async () => {
      const fresh = await this.deps.store.get(record.out_trade_no);
      if (!fresh || !fresh.data) return;
      const data = dataOf(fresh);
      if (seen && statusCode(seen.respcd).outcome === "succeeded" && !holdsMoney(data.state) && data.state !== "failed") {
        // Paid although withdrawn: the wallet's approval crossed the close. The money is on record as it is.
        await this.save(fresh, { ...data, syssn: data.syssn ?? seen.syssn, state: paidStateOf(data), state_message: "Paid after the order was withdrawn" });
        return;
      }
      if (STATE_TABLE[data.state].final || (holdsMoney(data.state) && fresh.confirmed_at)) {
        // A withdrawn code is looked at once more after it would have expired (QFPay may not have cancelled it).
        const expiry = data.expires_at ? Date.parse(data.expires_at) + EXPIRY_GRACE_MS : 0;
        const again = STATE_TABLE[data.state].final && !holdsMoney(data.state) && expiry > this.now().getTime();
        await this.deps.store.update(fresh.out_trade_no, { next_check_at: again ? new Date(expiry) : null });
        return;
      }
      const observation = observeOrder(data, seen, {
        now: this.now(),
        inProgressTimeoutSeconds: this.deps.options.inProgressTimeoutSeconds,
        shopperStartedPaying: false,
      });
      let next = observation.data;
      if (observation.timedOut) {
        next = await this.deps.orders.withdraw(next, "The wallet did not confirm the payment in time; the order was cancelled");
      } else if (this.pastExpiry(next)) {
        next = await this.deps.orders.withdraw(next, "The code expired");
        if (!holdsMoney(next.state)) next = ended(next, "expired", "The code expired");
      }
      await this.save(fresh, next);
    });
  }

  /** What the status sync learnt about a capture or refund. */
  observeFollowUp(record: TransactionRecord, seen: QueryRecord | undefined, outcome: "succeeded" | "failed" | "in_progress" | undefined): Promise<void> {
    return this.deps.lock.run(record.session_id, async () => {
      const fresh = await this.deps.store.get(record.out_trade_no);
      if (!fresh || fresh.state !== "requested") return;
      const neverArrived = !seen && this.now().getTime() - fresh.created_at.getTime() > FOLLOW_UP_GIVE_UP_MS;
      if (neverArrived) {
        await this.followUpFailed(
          fresh,
          "QFPay has no such transaction: the request never reached it",
          `QFPay never received ${fresh.kind} ${fresh.out_trade_no}`,
        );
      } else if (outcome === "succeeded") {
        await this.deps.store.update(fresh.out_trade_no, {
          state: "succeeded",
          syssn: seen?.syssn ?? fresh.syssn,
          confirmed_at: this.now(),
          next_check_at: null,
        });
        await this.settleRefundInData(fresh, "succeeded", seen?.syssn);
        await this.finishOrphanRefund(fresh);
        await this.event({
          session_id: fresh.session_id,
          out_trade_no: fresh.out_trade_no,
          kind: "refund_settled",
          message: `QFPay confirmed ${fresh.kind} ${fresh.out_trade_no}`,
        });
      } else if (outcome === "failed") {
        await this.followUpFailed(fresh, `QFPay answered ${seen?.respcd}`, `QFPay says ${fresh.kind} ${fresh.out_trade_no} failed (${seen?.respcd})`);
      } else {
        await this.deps.store.update(fresh.out_trade_no, { next_check_at: new Date(this.now().getTime() + 5000) });
      }
      await this.changed(fresh.session_id);
    });
  }

  /** A refund seen at QFPay that this store did not send (portal, app): put on record against its payment. */
  async recordOutsideRefund(payment: TransactionRecord, seen: { syssn: string; out_trade_no: string; txamt: number; succeeded: boolean }): Promise<void> {
    await this.deps.lock.run(payment.session_id, async () => {
      if (await this.deps.store.get(seen.out_trade_no)) return;
      await this.deps.store.insert({
        ...this.followUp(payment, "refund", seen.out_trade_no, seen.txamt),
        origin: "qfpay",
        syssn: seen.syssn,
        state: seen.succeeded ? "succeeded" : "requested",
        confirmed_at: seen.succeeded ? this.now() : null,
        next_check_at: seen.succeeded ? null : this.now(),
      });
      await this.event({
        session_id: payment.session_id,
        out_trade_no: seen.out_trade_no,
        kind: "refund_outside",
        message: `A refund of ${seen.txamt} (${seen.out_trade_no}) was made at QFPay outside this store`,
      });
    });
  }

  /**
   * QFPay's answer leaves a waiting order exactly as it is (still waiting for the shopper, not due to be
   * withdrawn): the sync only moves its next check, without the lock and without a write that counts as a change.
   */
  quietlyWaiting(record: TransactionRecord, seen: QueryRecord | undefined): boolean {
    if (record.kind !== "payment" || record.state !== "pending" || !record.data || record.notified_at) return false;
    if (seen) {
      const outcome = statusCode(seen.respcd).outcome;
      if ((outcome !== "in_progress" && outcome !== "retryable") || seen.txamt !== record.amount) return false;
    }
    return !this.pastExpiry(dataOf(record));
  }

  /** When the sync asks about this transaction next, as things stand. */
  nextCheckOf(record: TransactionRecord): Date | null {
    return nextCheckAt(record.state, record.watched_until, this.now(), this.deps.options);
  }

  /** Marks a session as watched by a tab, so the sync asks about it more often. */
  watch(sessionId: string): Promise<void> {
    return this.deps.store.markWatched(sessionId, new Date(this.now().getTime() + WATCH_MS));
  }

  async event(event: LedgerEvent): Promise<void> {
    await this.deps.store.addEvent(event);
  }

  /** Records the data of a payment attempt and what follows from it; tells listeners when the state changed. */
  async save(record: TransactionRecord, data: QfpaySessionData, extra: TransactionChanges = {}): Promise<QfpaySessionData> {
    const moneyNow = holdsMoney(data.state) && !holdsMoneyRecord(record);
    const withdrawnNow = (data.state === "canceled" || data.state === "expired") && record.state !== data.state;
    const changes: TransactionChanges = {
      data: data as unknown as Record<string, unknown>,
      state: data.state,
      state_message: data.state_message ?? null,
      syssn: data.syssn ?? record.syssn,
      next_check_at: withdrawnNow
        ? new Date(this.now().getTime() + LATE_APPROVAL_CHECK_MS)
        : nextCheckAt(data.state, record.watched_until, this.now(), this.deps.options),
      ...(moneyNow ? { confirmed_at: this.now() } : {}),
      ...extra,
    };
    await this.deps.store.update(record.out_trade_no, changes);
    if (moneyNow) {
      await this.event({
        session_id: record.session_id,
        out_trade_no: record.out_trade_no,
        kind: record.superseded ? "orphan_paid" : "paid",
        message: record.superseded
          ? `Attempt ${record.attempt} was paid after it had been replaced; it is refunded unless it becomes the order`
          : `QFPay confirmed the payment of attempt ${record.attempt}`,
      });
    }
    if (record.state !== data.state) await this.changed(record.session_id);
    return data;
  }

  private async refreshed(record: TransactionRecord, shopperStartedPaying: boolean): Promise<QfpaySessionData> {
    const data = dataOf(record);
    if (STATE_TABLE[data.state].final || (holdsMoney(data.state) && record.confirmed_at)) return data;
    return this.save(record, await this.deps.orders.refresh(data, { shopperStartedPaying }));
  }

  private async openAttempt(order: NewOrder): Promise<QfpaySessionData> {
    const outTradeNo = this.deps.orders.outTradeNo(order.sessionId, "p", order.attempt);
    const record = await this.deps.store.insert({
      ...blankTransaction(),
      out_trade_no: outTradeNo,
      kind: "payment",
      session_id: order.sessionId,
      attempt: order.attempt,
      amount: order.amount,
      currency_code: order.currency.toLowerCase(),
      pay_type: order.payType.code,
      state: "opening",
      // Should the answer be lost, the sync finds out what QFPay made of the request.
      next_check_at: new Date(this.now().getTime() + OPENING_CHECK_MS),
    });
    let data: QfpaySessionData;
    try {
      data = await this.deps.orders.open(order);
    } catch (error) {
      if (error instanceof QfpayGatewayError || error instanceof QfpayOperationError) {
        await this.deps.store.update(outTradeNo, { state: "failed", state_message: (error as Error).message, next_check_at: null });
      }
      throw error;
    }
    return this.save(record, data);
  }

  private async paymentNotification(sessionId: string, notification: Notification): Promise<NotificationDecision> {
    const record = await this.deps.store.get(notification.out_trade_no);
    if (!record || record.kind !== "payment" || !record.data) {
      return { kind: "mismatch", message: `no QFPay order ${notification.out_trade_no} is on record for session ${sessionId}` };
    }
    const mismatch = contradiction(record, notification);
    if (mismatch) {
      await this.event({ session_id: sessionId, out_trade_no: record.out_trade_no, kind: "notification_unmatched", message: mismatch });
      return { kind: "mismatch", message: mismatch };
    }
    if (notification.respcd !== "0000") return { kind: "recorded", message: `respcd ${notification.respcd}: not a payment` };
    if (!record.notified_at) {
      // Confirmed by QFPay's query before it counts: the next sync beat asks at once.
      await this.deps.store.update(record.out_trade_no, { notified_at: this.now(), syssn: record.syssn ?? notification.syssn, next_check_at: this.now() });
    }
    const current = currentPayment(await this.deps.store.ofSession(sessionId));
    if (current?.out_trade_no !== record.out_trade_no || record.resolution !== null) {
      return { kind: "recorded", message: `attempt ${record.attempt} is not the session's current order: the reconciliation settles it` };
    }
    // Confirmed with QFPay now, under this lock, so a waiting tab sees the payment before Medusa's workflow runs
    // (whose authorize then finds it confirmed and asks nothing). Should QFPay not answer, authorize asks again.
    await this.refreshed(current, false).catch(() => undefined);
    return { kind: "complete", sessionId, action: dataOf(record).preauth ? "authorized" : "captured" };
  }

  private async refundNotification(notification: Notification): Promise<NotificationDecision> {
    const record = await this.deps.store.get(notification.out_trade_no);
    if (!record) return { kind: "mismatch", message: `refund ${notification.out_trade_no} is not on record` };
    if (record.amount !== notification.txamt || record.currency_code.toUpperCase() !== notification.txcurrcd.toUpperCase()) {
      return { kind: "mismatch", message: `refund ${notification.out_trade_no} does not match the record (amount or currency)` };
    }
    if (record.state === "requested" && !record.notified_at) {
      await this.deps.store.update(record.out_trade_no, { notified_at: this.now(), next_check_at: this.now() });
    }
    return { kind: "recorded", message: `refund ${notification.out_trade_no} on record` };
  }

  private async adopt(payment: TransactionRecord, data: QfpaySessionData, refund: TransactionRecord, idempotencyKey?: string): Promise<QfpaySessionData> {
    const listed = data.refunds.some((entry) => entry.out_trade_no === refund.out_trade_no);
    const next: QfpaySessionData = listed
      ? {
          ...data,
          refunds: data.refunds.map((entry) =>
            entry.out_trade_no === refund.out_trade_no ? { ...entry, status: "succeeded", syssn: refund.syssn ?? entry.syssn } : entry,
          ),
        }
      : {
          ...data,
          refunds: [
            ...data.refunds,
            {
              out_trade_no: refund.out_trade_no,
              orig_syssn: refund.orig_syssn ?? data.syssn ?? "",
              amount: refund.amount,
              status: "succeeded",
              requested_at: refund.created_at.toISOString(),
              ...(refund.syssn ? { syssn: refund.syssn } : {}),
              ...(idempotencyKey ? { idempotency_key: idempotencyKey } : {}),
            },
          ],
        };
    await this.deps.store.update(refund.out_trade_no, { resolution: "recorded" });
    return this.save(payment, next);
  }

  /** A capture or refund that did not happen: on record as failed, out of the payment's data, the payment's give-back reopened. */
  private async followUpFailed(record: TransactionRecord, stateMessage: string, eventMessage: string): Promise<void> {
    await this.deps.store.update(record.out_trade_no, { state: "failed", state_message: stateMessage, next_check_at: null });
    await this.settleRefundInData(record, "failed", undefined);
    await this.reopenGiveBack(record);
    await this.event({ session_id: record.session_id, out_trade_no: record.out_trade_no, kind: "refund_failed", message: eventMessage });
  }

  /** A refund giving a payment back failed (or never reached QFPay): the payment is unsettled again, to be given back anew. */
  private async reopenGiveBack(refund: TransactionRecord): Promise<void> {
    const payment = refund.parent_out_trade_no ? await this.deps.store.get(refund.parent_out_trade_no) : undefined;
    if (payment?.resolution === "refunding") await this.deps.store.update(payment.out_trade_no, { resolution: null });
  }

  /** The refund that gives a payment back settled: the payment is refunded (the reconciliation records the refund where Medusa has the payment). */
  private async finishOrphanRefund(refund: TransactionRecord): Promise<void> {
    const payment = refund.parent_out_trade_no ? await this.deps.store.get(refund.parent_out_trade_no) : undefined;
    if (payment?.resolution !== "refunding") return;
    await this.deps.store.update(payment.out_trade_no, { resolution: "refunded" });
  }

  private async settleRefundInData(refund: TransactionRecord, status: "succeeded" | "failed", syssn: string | undefined): Promise<void> {
    if (refund.kind !== "refund" || !refund.parent_out_trade_no) return;
    const payment = await this.deps.store.get(refund.parent_out_trade_no);
    if (!payment?.data) return;
    const data = dataOf(payment);
    const refunds =
      status === "failed"
        ? data.refunds.filter((entry) => entry.out_trade_no !== refund.out_trade_no)
        : data.refunds.map((entry) =>
            entry.out_trade_no === refund.out_trade_no ? { ...entry, status: "succeeded" as const, ...(syssn ? { syssn } : {}) } : entry,
          );
    await this.deps.store.update(payment.out_trade_no, { data: { ...data, refunds } as unknown as Record<string, unknown> });
  }

  private checkRefreshAllowed(record: TransactionRecord): void {
    const { refreshCooldownSeconds, maxAttemptsPerSession } = this.deps.options;
    if (record.attempt >= maxAttemptsPerSession) {
      throw new QfpayOperationError("invalid_request", `This checkout has had ${record.attempt} codes, the most allowed: start the payment again`);
    }
    const age = (this.now().getTime() - record.created_at.getTime()) / 1000;
    if (age < refreshCooldownSeconds && !STATE_TABLE[record.state as keyof typeof STATE_TABLE]?.final) {
      throw new QfpayOperationError("too_soon", `A new code can be asked for ${Math.ceil(refreshCooldownSeconds - age)} s from now`);
    }
  }

  private pastExpiry(data: QfpaySessionData): boolean {
    if (data.state !== "pending" || data.expires_at === null) return false;
    return this.now().getTime() > Date.parse(data.expires_at) + EXPIRY_GRACE_MS;
  }

  /** The record of the session's current attempt; a session opened before the ledger existed is put on it. */
  private async currentRecord(sessionId: string, fallback: QfpaySessionData): Promise<TransactionRecord> {
    const current = currentPayment(await this.deps.store.ofSession(sessionId));
    if (current?.data) return current;
    const existing = current ?? (await this.deps.store.get(fallback.out_trade_no));
    if (existing) return this.deps.store.update(existing.out_trade_no, { data: fallback as unknown as Record<string, unknown>, state: fallback.state });
    return this.deps.store.insert({
      ...blankTransaction(),
      out_trade_no: fallback.out_trade_no,
      kind: "payment",
      session_id: sessionId,
      attempt: fallback.attempt,
      syssn: fallback.syssn ?? null,
      amount: fallback.amount,
      currency_code: fallback.currency_code,
      pay_type: fallback.pay_type,
      state: fallback.state,
      data: fallback as unknown as Record<string, unknown>,
      next_check_at: this.now(),
    });
  }

  private followUp(payment: TransactionRecord, kind: "capture" | "refund", outTradeNo: string, amount: number): NewTransaction {
    const data = payment.data ? dataOf(payment) : undefined;
    return {
      ...blankTransaction(),
      out_trade_no: outTradeNo,
      kind,
      session_id: payment.session_id,
      attempt: payment.attempt,
      parent_out_trade_no: payment.out_trade_no,
      orig_syssn: kind === "refund" && data?.preauth ? (data.capture?.syssn ?? null) : payment.syssn,
      amount,
      currency_code: payment.currency_code,
      pay_type: payment.pay_type,
      state: "requested",
      next_check_at: new Date(this.now().getTime() + OPENING_CHECK_MS),
    };
  }

  private async changed(sessionId: string): Promise<void> {
    await this.deps.onChange?.(sessionId);
  }
}

/** A withdrawn or expired order is asked about once more this long after, for a wallet approval that crossed the close. */
const LATE_APPROVAL_CHECK_MS = 120_000;
/** A tab's poll keeps its session "watched" this long. */
export const WATCH_MS = 10_000;
/** A capture or refund QFPay does not list this long after it was sent never reached QFPay. */
const FOLLOW_UP_GIVE_UP_MS = 60_000;
/** An answer not read for an order, capture or refund: the sync asks QFPay after this long. */
const OPENING_CHECK_MS = 20_000;
/** A code past its expiry that QFPay still lists as waiting is closed after this grace. */
const EXPIRY_GRACE_MS = 60_000;

export function dataOf(record: TransactionRecord): QfpaySessionData {
  return readSessionData(record.data);
}

/** Every refund of this payment on record, whatever became of it. */
function refundsOf(records: readonly TransactionRecord[], payment: TransactionRecord): TransactionRecord[] {
  return records.filter((entry) => entry.kind === "refund" && entry.parent_out_trade_no === payment.out_trade_no);
}

/** What the store's refunds of this payment give back, sent or settled (failed ones give nothing). */
export function refundedOf(records: readonly TransactionRecord[], payment: TransactionRecord): number {
  return refundsOf(records, payment)
    .filter((entry) => entry.state !== "failed")
    .reduce((sum, entry) => sum + entry.amount, 0);
}

/** The payment of the session that holds money (the one a refund is drawn on). */
function paidPayment(records: readonly TransactionRecord[], fallback: QfpaySessionData): TransactionRecord | undefined {
  return (
    records.find((record) => record.kind === "payment" && record.out_trade_no === fallback.out_trade_no && record.data && holdsMoneyRecord(record)) ??
    records.find((record) => record.kind === "payment" && !record.superseded && record.data && holdsMoneyRecord(record))
  );
}

/** Why a signed payment notification contradicts the record, if it does. */
function contradiction(record: TransactionRecord, notification: Notification): string | undefined {
  if (record.syssn && notification.syssn !== record.syssn) return `its syssn ${notification.syssn} is not the order's ${record.syssn}`;
  if (notification.txamt !== record.amount) return `its amount ${notification.txamt} differs from the order's ${record.amount}`;
  if (notification.txcurrcd.toUpperCase() !== record.currency_code.toUpperCase()) {
    return `its currency ${notification.txcurrcd} differs from the order's ${record.currency_code.toUpperCase()}`;
  }
  return undefined;
}

function paidNotCancelled(): QfpayOperationError {
  return new QfpayOperationError("already_paid", "This QFPay payment is already paid: refund it instead of cancelling it");
}

function alreadyPaid(): QfpayOperationError {
  return new QfpayOperationError("already_paid", "This payment is already paid: no new code can be issued");
}

export function blankTransaction(): Omit<NewTransaction, "out_trade_no" | "kind" | "session_id" | "attempt" | "amount" | "currency_code" | "state"> {
  return {
    parent_out_trade_no: null,
    syssn: null,
    orig_syssn: null,
    pay_type: null,
    state_message: null,
    superseded: false,
    origin: "store",
    resolution: null,
    resolution_note: null,
    cart_id: null,
    order_id: null,
    idempotency_key: null,
    notified_at: null,
    confirmed_at: null,
    next_check_at: null,
    watched_until: null,
    data: null,
  };
}
