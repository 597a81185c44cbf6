import {
  buildOutTradeNo,
  checkGoodsName,
  goodsNameRulesFor,
  readCancelAnswer,
  type CancelAnswer,
  type CheckoutMode,
  type PaymentResponse,
  checkoutModeOf,
  findPayType,
  minorUnitsToDecimalString,
  QfpayGatewayError,
  selectPaymentRecord,
  statusCode,
  type ClientInput,
  type PaymentRequest,
  type PayType,
  type QfpayClient,
  type QueryRecord,
} from "@qfpay-medusa/shared/server";
import { renderGoodsName } from "./goods-name";
import { ended, observeOrder } from "./order-observation";
import type { ResolvedQfpayOptions } from "./options";
import { codeLifetimeMinutes } from "./pay-type-selection";
import { QfpayOperationError } from "./qfpay-operation-error";
import {
  ALREADY_PAID_RESPCDS,
  ALREADY_WITHDRAWN_RESPCDS,
  DUPLICATE_REQUEST_RESPCDS,
  REFUND_REFUSALS,
  UNFREEZE_ENDPOINT,
  unpaidCancelEndpoint,
} from "./qfpay-tables";
import { collectedAmount, refundableSyssn, refundedAmount, type QfpaySessionData, type RefundRecord } from "./session-data";
import { holdsMoney, STATE_TABLE } from "./state-mapping";

/** The client methods the orders use; a `QfpayClient` fits. */
export type QfpayApi = Pick<QfpayClient, "payment" | "query" | "refund" | "close" | "reversal" | "authtrade" | "addNote">;

export type OrderChange = { amount?: number; currency?: string; payType?: PayType; returnUrl?: string | undefined };

export interface NewOrder {
  sessionId: string;
  /** The shopper's WeChat openid, for WeChat Pay inside WeChat (JSAPI). */
  subOpenid?: string | undefined;
  attempt: number;
  /** Minor units. */
  amount: number;
  currency: string;
  payType: PayType;
  returnUrl?: string | undefined;
}

export interface RefreshOptions {
  /** The checkout was submitted: the reference's 2-minute "still in progress" rule may start now. */
  shopperStartedPaying?: boolean;
}

/**
 * While a refund or capture answers 1143/1145: look again this often, this many times; after that it stays
 * `pending` on record and the status sync follows it until QFPay says how it ended.
 */
const SETTLE_POLL_MS = 500;
const SETTLE_POLLS = 6;

/**
 * The QFPay side of a Medusa payment session: open an order, follow it, withdraw it, capture, refund, note.
 * Each method takes the recorded session data and returns the new data to record; nothing is kept in memory.
 */
export class QfpayOrders {
  constructor(
    private readonly api: QfpayApi,
    private readonly options: ResolvedQfpayOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates the QFPay order for one attempt of a session: MPM → `qrcode`, web/WAP → `pay_url`, WeChat JSAPI →
   * `pay_params` for WeChat's payment sheet (with the shopper's `sub_openid`).
   */
  async open(order: NewOrder): Promise<QfpaySessionData> {
    const mode = checkoutModeOf(order.payType);
    if (!mode) throw new QfpayOperationError("invalid_request", `Pay type ${order.payType.code} cannot be shown in a web checkout`);
    if (mode === "jsapi" && !order.subOpenid) {
      throw new QfpayOperationError(
        "invalid_request",
        "WeChat Pay inside WeChat needs the shopper's openid (data.sub_openid): sign in through /store/qfpay/wechat/oauth first",
      );
    }
    const currency = order.currency.toUpperCase();
    const outTradeNo = this.outTradeNo(order.sessionId, "p", order.attempt);
    const lifetime = codeLifetimeMinutes(order.payType, this.options.qrExpiryMinutes);
    const rules = goodsNameRulesFor({ environmentId: environmentIdOf(this.options), currency });
    const goodsName = this.options.goodsNameTemplate
      ? renderGoodsName(this.options.goodsNameTemplate, {
          reference: order.sessionId,
          currency,
          amount: minorUnitsToDecimalString(order.amount, currency),
        })
      : rules.required
        ? DEFAULT_GOODS_NAME
        : undefined;
    checkGoodsName(goodsName, rules);
    const request: ClientInput<PaymentRequest> = {
      txamt: order.amount,
      txcurrcd: currency,
      pay_type: order.payType.code,
      out_trade_no: outTradeNo,
      ...(order.payType.expiredTime ? { expired_time: this.options.qrExpiryMinutes } : {}),
      ...(goodsName ? { goods_name: goodsName } : {}),
      ...(mode === "redirect" && order.returnUrl ? { return_url: order.returnUrl } : {}),
      ...(mode === "jsapi" ? { sub_openid: order.subOpenid } : {}),
    };
    const createdAt = this.now();
    const response = await this.api.payment(request);
    if (mode === "qr" && !response.qrcode) {
      throw new QfpayOperationError("gateway_answer", `QFPay created order ${outTradeNo} without a QR code`);
    }
    if (mode === "redirect" && !response.pay_url) {
      throw new QfpayOperationError("gateway_answer", `QFPay created order ${outTradeNo} without a payment page URL`);
    }
    if (mode === "jsapi" && !response.pay_params) {
      throw new QfpayOperationError("gateway_answer", `QFPay created order ${outTradeNo} without WeChat's payment parameters`);
    }
    return {
      session_id: order.sessionId,
      attempt: order.attempt,
      pay_type: order.payType.code,
      wallet: order.payType.wallet,
      mode,
      preauth: order.payType.preauth,
      ...codeOf(mode, response),
      ...(order.subOpenid ? { sub_openid: order.subOpenid } : {}),
      syssn: response.syssn,
      out_trade_no: outTradeNo,
      amount: order.amount,
      currency_code: currency.toLowerCase(),
      created_at: createdAt.toISOString(),
      expires_at: new Date(createdAt.getTime() + lifetime * 60_000).toISOString(),
      state: "pending",
      ...(order.returnUrl ? { return_url: order.returnUrl } : {}),
      refunds: [],
    };
  }

  /**
   * Asks QFPay where the order stands and records it. Still "in progress" longer than the reference allows
   * after the shopper started paying: the order is withdrawn (close or reversal) and recorded as canceled.
   */
  async refresh(data: QfpaySessionData, options: RefreshOptions = {}): Promise<QfpaySessionData> {
    if (STATE_TABLE[data.state].final) return data;
    const response = await this.api.query({ out_trade_no: data.out_trade_no });
    const selection = selectPaymentRecord(response);
    if (selection.multipleSucceeded) {
      throw new QfpayOperationError("gateway_answer", `QFPay lists more than one successful payment for ${data.out_trade_no}; check the QFPay merchant portal`);
    }
    const observation = observeOrder(data, selection.record, {
      now: this.now(),
      inProgressTimeoutSeconds: this.options.inProgressTimeoutSeconds,
      shopperStartedPaying: options.shopperStartedPaying ?? false,
    });
    if (!observation.timedOut) return observation.data;
    const minutes = Math.round((this.options.inProgressTimeoutSeconds / 60) * 10) / 10;
    return this.withdrawOpen(observation.data, `The wallet did not confirm the payment within ${minutes} minute(s); the order was cancelled`);
  }

  /**
   * Cancels the order: unpaid → close (or reversal for Alipay), frozen pre-authorization → unfreeze (reversal).
   * Already paid → `already_paid` (refund instead). Repeating it changes nothing.
   */
  async cancel(data: QfpaySessionData): Promise<QfpaySessionData> {
    const current = await this.refresh(data);
    if (STATE_TABLE[current.state].final && current.state !== "paid") return current;
    if (current.state === "paid") {
      throw new QfpayOperationError("already_paid", "This QFPay payment is already paid: refund it instead of cancelling it");
    }
    if (current.state === "frozen") return this.unfreeze(current);
    return this.withdrawOpen(current, "The order was cancelled");
  }

  /**
   * Withdraws the current order so another can take its place: asks QFPay first, then closes it (or reverses it
   * for Alipay). Paid in the meantime (close answers 1260): the paid order is returned, and it must be kept.
   */
  async withdraw(data: QfpaySessionData, reason: string): Promise<QfpaySessionData> {
    const current = await this.refresh(data);
    if (holdsMoney(current.state) || STATE_TABLE[current.state].final) return current;
    return this.withdrawOpen(current, reason);
  }

  /** Closes the current order and opens a new one (new out_trade_no) with the changes given; refused once paid. */
  async replace(
    data: QfpaySessionData,
    change: { amount?: number; currency?: string; payType?: PayType; returnUrl?: string | undefined } = {},
  ): Promise<QfpaySessionData> {
    const withdrawn = await this.withdraw(data, "Replaced by a new code");
    if (holdsMoney(withdrawn.state)) {
      throw new QfpayOperationError("already_paid", "This QFPay order is already paid, so it cannot be replaced by a new code");
    }
    return this.open(nextAttempt(withdrawn, change));
  }

  /**
   * Takes the money of a frozen pre-authorization (`/trade/v1/authtrade`), never more than the frozen amount.
   * Auto-capture wallets have nothing to do. A repeated call finds the earlier deduction instead of deducting twice.
   */
  async capture(data: QfpaySessionData, amount: number = data.amount): Promise<QfpaySessionData> {
    if (!data.preauth || data.capture) return data;
    if (amount > data.amount) {
      throw new QfpayOperationError("invalid_request", `Cannot capture ${amount}: only ${data.amount} is frozen`);
    }
    const current = await this.refresh(data);
    if (current.state !== "frozen") {
      throw new QfpayOperationError("not_capturable", `The pre-authorization is ${current.state}, not frozen: nothing to capture`);
    }
    const outTradeNo = this.captureOutTradeNo(current);
    const capturedAt = this.now().toISOString();
    let syssn: string;
    try {
      const response = await this.api.authtrade({ syssn: current.syssn!, out_trade_no: outTradeNo, txamt: amount });
      syssn = statusCode(response.respcd).outcome === "in_progress" ? await this.settled(outTradeNo, "capture") : response.syssn;
    } catch (error) {
      // A retried capture whose first answer was lost: QFPay refuses the repeat; the deduction made then is ours.
      const repeated = error instanceof QfpayGatewayError && (DUPLICATE_REQUEST_RESPCDS.has(error.respcd) || ALREADY_PAID_RESPCDS.has(error.respcd));
      if (!repeated) throw error;
      const earlier = findRecord(await this.api.query({ out_trade_no: outTradeNo }), outTradeNo);
      if (!earlier) throw error;
      syssn = await this.settled(outTradeNo, "capture");
    }
    return { ...current, state: "paid", capture: { out_trade_no: outTradeNo, syssn, amount, captured_at: capturedAt } };
  }

  /**
   * Refunds `amount` minor units with a new out_trade_no. 1143/1145 are followed until final; QFPay's refusals
   * become `refund_refused` errors in words an admin can act on. A call repeated with the same idempotency key
   * returns the earlier result.
   */
  async refund(data: QfpaySessionData, amount: number, idempotencyKey?: string, outTradeNo = this.refundOutTradeNo(data)): Promise<QfpaySessionData> {
    if (idempotencyKey && data.refunds.some((refund) => refund.idempotency_key === idempotencyKey)) return data;
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      throw new QfpayOperationError("invalid_request", "A refund must be a positive amount");
    }
    const origSyssn = refundableSyssn(data);
    if (!origSyssn || !holdsMoney(data.state) || (data.preauth && !data.capture)) {
      throw new QfpayOperationError("not_refundable", "Nothing has been collected on this QFPay payment, so there is nothing to refund");
    }
    const remaining = collectedAmount(data) - refundedAmount(data);
    if (amount > remaining) {
      throw new QfpayOperationError(
        "refund_refused",
        `Cannot refund ${this.money(amount, data)}: only ${this.money(remaining, data)} is left to refund on this payment`,
      );
    }
    const record: RefundRecord = {
      out_trade_no: outTradeNo,
      orig_syssn: origSyssn,
      amount,
      status: "pending",
      requested_at: this.now().toISOString(),
      ...(idempotencyKey ? { idempotency_key: idempotencyKey } : {}),
    };
    try {
      const response = await this.api.refund({ syssn: origSyssn, out_trade_no: outTradeNo, txamt: amount });
      record.syssn = statusCode(response.respcd).outcome === "in_progress" ? await this.settled(outTradeNo, "refund") : response.syssn;
      record.status = "succeeded";
    } catch (error) {
      if (error instanceof QfpayGatewayError && REFUND_REFUSALS[error.respcd]) {
        throw new QfpayOperationError("refund_refused", `${REFUND_REFUSALS[error.respcd]} (QFPay ${error.respcd})`, error.respcd);
      }
      // StillInProgress: QFPay has accepted the refund and not finished it. It is recorded as pending;
      // the notification or a query settles it.
      if (!(error instanceof StillInProgress)) throw error;
    }
    return { ...data, refunds: [...data.refunds, record] };
  }

  /** Adds a remark (e.g. the Medusa order number) to the paid transaction in QFPay's portal. */
  async addNote(data: QfpaySessionData, note: string): Promise<QfpaySessionData> {
    const syssn = data.syssn;
    if (!syssn || data.note === note) return data;
    await this.api.addNote({ syssn, note: note.slice(0, 200) });
    return { ...data, note };
  }

  /** The number the next refund of this payment is sent with, after `sent` refunds (failed ones too: a number is never used twice). */
  refundOutTradeNo(data: QfpaySessionData, sent = data.refunds.length): string {
    return this.outTradeNo(data.session_id, `r${Math.max(sent, data.refunds.length) + 1}`, data.attempt);
  }

  /** The number a pre-authorization's capture (authtrade) is sent with. */
  captureOutTradeNo(data: QfpaySessionData): string {
    return this.outTradeNo(data.session_id, "c", data.attempt);
  }

  outTradeNo(sessionId: string, kind: string, attempt: number): string {
    return buildOutTradeNo({
      ...(this.options.outTradeNoPrefix ? { prefix: this.options.outTradeNoPrefix } : {}),
      reference: sessionId,
      kind,
      attempt,
    });
  }

  private async unfreeze(current: QfpaySessionData): Promise<QfpaySessionData> {
    await this.sendCancel(UNFREEZE_ENDPOINT, current);
    return ended(current, "canceled", "The pre-authorization was released (funds unfrozen)");
  }

  /**
   * Withdraws an unpaid order; if it turns out paid meanwhile, records that instead. Where QFPay cannot cancel
   * (Japan: 1297, or an answer without syssn) the order is let expire: recorded as canceled here, it is asked
   * about again after its expiry, and a payment made before then is an orphan the reconciliation refunds.
   */
  private async withdrawOpen(current: QfpaySessionData, reason: string): Promise<QfpaySessionData> {
    try {
      const answer = await this.sendCancel(unpaidCancelEndpoint(current.wallet), current);
      if (answer === "not_supported_refund_instead") return ended(current, "canceled", CANCEL_UNSUPPORTED);
    } catch (error) {
      if (error instanceof QfpayGatewayError && readCancelAnswer(error) === "not_supported_refund_instead") {
        return ended(current, "canceled", CANCEL_UNSUPPORTED);
      }
      if (error instanceof QfpayGatewayError && ALREADY_PAID_RESPCDS.has(error.respcd)) {
        const paid = await this.refresh(current);
        if (holdsMoney(paid.state)) return paid;
      }
      throw error;
    }
    return ended(current, "canceled", reason);
  }

  private async sendCancel(endpoint: "close" | "reversal", current: QfpaySessionData): Promise<CancelAnswer | "already_ended"> {
    const target = current.syssn ? { syssn: current.syssn } : { out_trade_no: current.out_trade_no };
    try {
      return readCancelAnswer(await this.api[endpoint]({ ...target, txamt: current.amount }));
    } catch (error) {
      if (error instanceof QfpayGatewayError && ALREADY_WITHDRAWN_RESPCDS.has(error.respcd)) return "already_ended";
      throw error;
    }
  }

  /** Queries a refund or capture by its out_trade_no until it is final; returns its syssn. */
  private async settled(outTradeNo: string, what: "refund" | "capture"): Promise<string> {
    for (let poll = 0; poll < SETTLE_POLLS; poll++) {
      const record = findRecord(await this.api.query({ out_trade_no: outTradeNo }), outTradeNo);
      const outcome = record ? statusCode(record.respcd).outcome : "in_progress";
      if (outcome === "succeeded") return record!.syssn;
      if (outcome === "failed") {
        const refusal = REFUND_REFUSALS[record!.respcd];
        throw new QfpayOperationError(
          what === "refund" ? "refund_refused" : "not_capturable",
          `${refusal ?? `QFPay ${what} failed: ${statusCode(record!.respcd).message}`} (QFPay ${record!.respcd})`,
          record!.respcd,
        );
      }
      await sleep(SETTLE_POLL_MS);
    }
    throw new StillInProgress(outTradeNo);
  }

  private money(minor: number, data: QfpaySessionData): string {
    return `${minorUnitsToDecimalString(minor, data.currency_code)} ${data.currency_code.toUpperCase()}`;
  }
}

/** The goods name where QFPay requires one (Japan) and the merchant set no template: plain ASCII, 12 characters. */
const DEFAULT_GOODS_NAME = "Online order";

/** Said of an order QFPay cannot cancel (Japan): it is let expire instead. */
const CANCEL_UNSUPPORTED = "QFPay cannot cancel this order; it expires by itself, and a payment made before then is refunded";

/** What the checkout shows for each mode, from QFPay's answer. */
function codeOf(mode: CheckoutMode, response: PaymentResponse): Partial<QfpaySessionData> {
  if (mode === "qr") return { qrcode: response.qrcode };
  if (mode === "jsapi") return { pay_params: response.pay_params as Record<string, unknown> };
  return { pay_url: response.pay_url };
}

/** The catalog id of the configured environment, when one was named (not a base URL). */
function environmentIdOf(options: ResolvedQfpayOptions): string | undefined {
  const { environment } = options;
  if (environment === undefined) return undefined;
  return typeof environment === "string" ? environment : `${environment.region}-${environment.mode === "production" ? "prod" : "test"}`;
}

class StillInProgress extends QfpayOperationError {
  constructor(outTradeNo: string) {
    super("in_progress", `QFPay is still processing ${outTradeNo}; it will be settled by its notification`);
  }
}

function findRecord(response: { data: readonly QueryRecord[] }, outTradeNo: string): QueryRecord | undefined {
  return response.data.find((record) => record.out_trade_no === outTradeNo);
}

/** The order that replaces `current`: the next attempt, with the changes given. */
export function nextAttempt(
  current: QfpaySessionData,
  change: { amount?: number; currency?: string; payType?: PayType; returnUrl?: string | undefined },
): NewOrder {
  return {
    sessionId: current.session_id,
    attempt: current.attempt + 1,
    amount: change.amount ?? current.amount,
    currency: change.currency ?? current.currency_code,
    payType: change.payType ?? payTypeOf(current),
    returnUrl: change.returnUrl ?? current.return_url,
    subOpenid: current.sub_openid,
  };
}

function payTypeOf(data: QfpaySessionData): PayType {
  const payType = findPayType(data.pay_type);
  if (!payType) throw new QfpayOperationError("invalid_request", `Pay type ${data.pay_type} is not in the QFPay catalog`);
  return payType;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
