import type { CheckoutStatus } from "@qfpay-medusa/shared";
import { checkoutStatusSchema, currencyExponent } from "@qfpay-medusa/shared";
import type { QfpayOrders } from "../../providers/qfpay/qfpay-orders";
import { paidStateOf, readSessionData, type QfpaySessionData } from "../../providers/qfpay/session-data";
import { checkoutStatusOf, holdsMoney, isPaidSessionStatus, STATE_TABLE } from "../../providers/qfpay/state-mapping";
import type { ObservedState, ObservedStateStore } from "./observed-state-store";
import { SingleFlight } from "./single-flight";

/** A payment session as the store route reads it from the payment module. */
export interface SessionSnapshot {
  id: string;
  /** Medusa's session status: once authorized/captured the order is paid whatever the cache says. */
  status: string;
  data: unknown;
}

/** Medusa's locking module (`Modules.LOCKING`), so only one instance asks QFPay about a session at a time. */
export interface LockLike {
  execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number; expire?: number }): Promise<T>;
}

export interface CheckoutStatusDeps {
  store: ObservedStateStore;
  lock?: LockLike | undefined;
  now?: () => Date;
  logger?: { warn(message: string): void } | undefined;
}

// Shared by every request this process serves: concurrent polls of one session wait for one query.
const queries = new SingleFlight<ObservedState>();

/**
 * The status `<qfpay-checkout>` polls. Taken from Medusa's session status, then from what notifications and
 * earlier queries recorded in the cache; QFPay is asked at most once per `intervalSeconds` per session, however
 * many tabs or instances poll.
 */
export class CheckoutStatusService {
  private readonly now: () => Date;

  constructor(private readonly deps: CheckoutStatusDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async statusOf(session: SessionSnapshot, orders: QfpayOrders, intervalSeconds: number): Promise<CheckoutStatus> {
    const data = readSessionData(session.data);
    const observed = await this.observe(session, data, orders, intervalSeconds);
    return checkoutStatusBody(data, observed, this.now());
  }

  /** What notifications tell: recorded for every instance, so polls stop asking QFPay. */
  async recordNotification(data: QfpaySessionData, syssn: string): Promise<void> {
    await this.deps.store.put(data.session_id, {
      out_trade_no: data.out_trade_no,
      state: paidStateOf(data),
      syssn,
      checked_at: this.now().toISOString(),
      source: "notification",
    });
  }

  forget(sessionId: string): Promise<void> {
    return this.deps.store.forget(sessionId);
  }

  private async observe(
    session: SessionSnapshot,
    data: QfpaySessionData,
    orders: QfpayOrders,
    intervalSeconds: number,
  ): Promise<ObservedState> {
    if (isPaidSessionStatus(session.status)) return observedFrom({ ...data, state: paidStateOf(data) }, this.now(), "query");
    if (STATE_TABLE[data.state].final) return observedFrom(data, this.now(), "query");
    const cached = await this.deps.store.get(data.session_id);
    if (this.isFresh(cached, data, intervalSeconds)) return cached!;
    return queries.run(data.session_id, () => this.underLock(data.session_id, () => this.query(data, orders, intervalSeconds)));
  }

  private async query(data: QfpaySessionData, orders: QfpayOrders, intervalSeconds: number): Promise<ObservedState> {
    // Another instance may have asked while this one waited for the lock.
    const cached = await this.deps.store.get(data.session_id);
    if (this.isFresh(cached, data, intervalSeconds)) return cached!;
    const known = cached && cached.out_trade_no === data.out_trade_no ? withObserved(data, cached) : data;
    let next: QfpaySessionData;
    try {
      next = await orders.refresh(known);
    } catch (error) {
      // QFPay unreachable or confused: answer what is known, and wait the interval before asking again.
      this.deps.logger?.warn(`QFPay status of ${data.out_trade_no} unknown for now: ${(error as Error).message}`);
      next = known;
    }
    const observed = observedFrom(next, this.now(), "query");
    await this.deps.store.put(data.session_id, observed);
    return observed;
  }

  private underLock<T>(sessionId: string, job: () => Promise<T>): Promise<T> {
    if (!this.deps.lock) return job();
    return this.deps.lock.execute(`qfpay-status:${sessionId}`, job, { timeout: 10, expire: 30 });
  }

  private isFresh(cached: ObservedState | null, data: QfpaySessionData, intervalSeconds: number): boolean {
    if (!cached || cached.out_trade_no !== data.out_trade_no) return false;
    if (STATE_TABLE[cached.state].final || holdsMoney(cached.state)) return true;
    return this.now().getTime() - Date.parse(cached.checked_at) < intervalSeconds * 1000;
  }
}

/** The JSON body of `GET /store/qfpay/payment-sessions/:id`, checked against the shared contract. */
export function checkoutStatusBody(data: QfpaySessionData, observed: Pick<ObservedState, "state" | "state_message">, now: Date): CheckoutStatus {
  let status = checkoutStatusOf(observed.state);
  let message = observed.state_message;
  if (status === "pending" && data.expires_at !== null && now.getTime() >= Date.parse(data.expires_at)) {
    status = "expired";
    message = "The code has expired; ask for a new one";
  }
  const payable = status === "pending" || status === "processing";
  return checkoutStatusSchema.parse({
    session_id: data.session_id,
    status,
    pay_type: data.pay_type,
    wallet: data.wallet,
    mode: data.mode,
    ...(payable && data.mode === "qr" && data.qrcode ? { qrcode: data.qrcode } : {}),
    ...(payable && data.mode === "redirect" && data.pay_url ? { pay_url: data.pay_url } : {}),
    amount: data.amount,
    amount_exponent: currencyExponent(data.currency_code),
    currency_code: data.currency_code,
    expires_at: data.expires_at,
    server_time: now.toISOString(),
    ...(message && !payable ? { message } : {}),
  });
}

function observedFrom(data: QfpaySessionData, now: Date, source: ObservedState["source"]): ObservedState {
  return {
    out_trade_no: data.out_trade_no,
    state: data.state,
    ...(data.state_message ? { state_message: data.state_message } : {}),
    ...(data.processing_since ? { processing_since: data.processing_since } : {}),
    ...(data.syssn ? { syssn: data.syssn } : {}),
    checked_at: now.toISOString(),
    source,
  };
}

function withObserved(data: QfpaySessionData, observed: ObservedState): QfpaySessionData {
  return {
    ...data,
    state: observed.state,
    ...(observed.processing_since ? { processing_since: observed.processing_since } : {}),
    ...(observed.state_message ? { state_message: observed.state_message } : {}),
  };
}
