import type { QfpayState } from "../qfpay";

/**
 * The store's record of every QFPay transaction it opens (payments, pre-authorization captures, refunds) and
 * of those it finds at QFPay (refunds made in QFPay's portal or app). Written before a request leaves, updated
 * from every answer, query and notification. `session.data` and the cache are views of it.
 */
export type TransactionKind = "payment" | "capture" | "refund";

/** A payment: where its QFPay order stands, plus `opening` (sent, answer not read yet). */
export type PaymentTransactionState = QfpayState | "opening";
/** A capture or refund: `requested` (sent, or QFPay still processing), then `succeeded` or `failed`. */
export type FollowUpTransactionState = "requested" | "succeeded" | "failed";
export type TransactionState = PaymentTransactionState | FollowUpTransactionState;

/**
 * How a paid payment ended up: `order` (the captured payment of its order), `refunded` (an orphan, refunded in
 * full), `refunding` (that refund is on its way), `awaiting_refund` (an orphan an admin must refund: automatic
 * refunds are off). A refund: `recorded` once it is on the Medusa payment too.
 */
export type Resolution = "order" | "refunded" | "refunding" | "awaiting_refund" | "recorded";

export interface TransactionRecord {
  out_trade_no: string;
  kind: TransactionKind;
  session_id: string;
  attempt: number;
  /** The payment a capture or refund acts on. */
  parent_out_trade_no: string | null;
  syssn: string | null;
  /** The QFPay transaction a capture or refund acts on. */
  orig_syssn: string | null;
  /** Minor units. */
  amount: number;
  currency_code: string;
  pay_type: string | null;
  state: TransactionState;
  state_message: string | null;
  /** A newer attempt replaced this payment; if it is ever paid, the money is an orphan. */
  superseded: boolean;
  /** `store`: opened by this store; `qfpay`: found at QFPay (a refund made in QFPay's portal or app). */
  origin: "store" | "qfpay";
  resolution: Resolution | null;
  resolution_note: string | null;
  cart_id: string | null;
  order_id: string | null;
  idempotency_key: string | null;
  /** A signed notification said paid/refunded; QFPay's query or Medusa confirms it. */
  notified_at: Date | null;
  /** QFPay's query (or Medusa's capture) confirmed the money moved. */
  confirmed_at: Date | null;
  /** When the status sync asks QFPay next; null once nothing more can happen. */
  next_check_at: Date | null;
  /** A tab polled this session's status recently: it is asked about more often. */
  watched_until: Date | null;
  /** Payments: the session data (`QfpaySessionData`) of this attempt. */
  data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

export type NewTransaction = Omit<TransactionRecord, "created_at" | "updated_at">;
export type TransactionChanges = Partial<Omit<TransactionRecord, "out_trade_no" | "kind" | "created_at" | "updated_at">>;

/** Something that happened to a session's money, shown to admins on the order. */
export interface LedgerEvent {
  session_id: string;
  out_trade_no: string | null;
  kind: LedgerEventKind;
  message: string;
}

export type LedgerEventKind =
  | "paid"
  | "order_completed"
  | "completion_failed"
  | "superseded"
  | "orphan_paid"
  | "orphan_refunded"
  | "orphan_awaiting_refund"
  | "refund_settled"
  | "refund_failed"
  | "refund_outside"
  | "expired"
  | "notification_unmatched"
  | "reconciliation_difference"
  | "statement_difference";

export interface RecordedEvent extends LedgerEvent {
  created_at: Date;
}

/** Where the ledger lives: the plugin's module in Postgres, or memory in unit tests. */
export interface TransactionStore {
  insert(record: NewTransaction): Promise<TransactionRecord>;
  update(outTradeNo: string, changes: TransactionChanges): Promise<TransactionRecord>;
  get(outTradeNo: string): Promise<TransactionRecord | undefined>;
  /** The payment QFPay knows by this syssn. */
  paymentBySyssn(syssn: string): Promise<TransactionRecord | undefined>;
  /** Every transaction of a session, oldest first. */
  ofSession(sessionId: string): Promise<TransactionRecord[]>;
  /** Transactions whose next check is due, soonest first; watched ones first. */
  due(now: Date, limit: number): Promise<TransactionRecord[]>;
  /** Paid payments whose ending (order or refund) is not settled yet. */
  unresolvedPaid(limit: number): Promise<TransactionRecord[]>;
  /** Succeeded refunds not yet on the Medusa payment. */
  unrecordedRefunds(limit: number): Promise<TransactionRecord[]>;
  /** Payments and refunds whose money QFPay confirmed in [from, to). */
  confirmedBetween(from: Date, to: Date): Promise<TransactionRecord[]>;
  /** Marks a session's open transactions as watched until `until` (and due for a check soon). */
  markWatched(sessionId: string, until: Date): Promise<void>;
  /** The next checks of transactions QFPay's answer left as they were: one statement, no record counted as changed. */
  reschedule(checks: ReadonlyArray<{ out_trade_no: string; next_check_at: Date | null }>): Promise<void>;
  /** The data and state of the session's current payment attempt, read as cheaply as the store can. */
  currentPaymentOf(sessionId: string): Promise<Pick<TransactionRecord, "out_trade_no" | "state" | "data" | "resolution" | "resolution_note"> | undefined>;
  addEvent(event: LedgerEvent): Promise<void>;
  eventsOf(sessionIds: readonly string[]): Promise<RecordedEvent[]>;
}

/** States QFPay may still change: the status sync keeps asking about them. */
export const OPEN_STATES: ReadonlySet<TransactionState> = new Set<TransactionState>(["opening", "pending", "processing", "frozen", "requested"]);

/** The session's current payment attempt: the newest that was not superseded. */
export function currentPayment(records: readonly TransactionRecord[]): TransactionRecord | undefined {
  return records.filter((record) => record.kind === "payment" && !record.superseded).sort((a, b) => b.attempt - a.attempt)[0];
}

/** A payment whose money QFPay took (or holds, for a pre-authorization). */
export function holdsMoneyRecord(record: Pick<TransactionRecord, "kind" | "state">): boolean {
  return record.kind === "payment" && (record.state === "paid" || record.state === "frozen");
}

/** Resolutions of a paid payment whose money goes back to the shopper: it never pays for an order. */
const GIVEN_BACK: ReadonlySet<Resolution> = new Set<Resolution>(["refunding", "refunded", "awaiting_refund"]);

export function isGivenBack(record: Pick<TransactionRecord, "resolution">): boolean {
  return record.resolution !== null && GIVEN_BACK.has(record.resolution);
}
