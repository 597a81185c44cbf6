/** Where Medusa stands with a payment session, as the reconciliation needs to know it. */
export type SessionStanding =
  | { exists: false }
  | {
      exists: true;
      /** Medusa's session status (pending, authorized, captured, canceled, error, ...); `deleted` for a session Medusa replaced whose payment it still has. */
      status: string;
      cartId: string | null;
      cartCompleted: boolean;
      orderId: string | null;
      /** The Medusa payment made from this session, and the QFPay order it holds. */
      paymentId: string | null;
      paymentOutTradeNo: string | null;
      /** Another session of the same payment collection has Medusa's payment. */
      otherSessionPaid: boolean;
    };

/** What the reconciliation asks of Medusa; the plugin implements it over Medusa's modules and workflows. */
export interface StoreOrders {
  standing(sessionId: string): Promise<SessionStanding>;
  /**
   * The same path as a notification: Medusa authorizes, captures and completes the cart into an order. Throws
   * when no order came of it (Medusa's own path only logs a failed completion).
   */
  complete(sessionId: string, action: "captured" | "authorized"): Promise<void>;
  /**
   * Refunds on the Medusa payment (its order's refund workflow, or the payment module's when it has no order),
   * through the provider: a refund QFPay already settled is adopted, any other is sent.
   */
  recordRefund(paymentId: string, amountMinor: number, currencyCode: string, note: string): Promise<void>;
  /** Runs `job` holding the cart's lock, the one Medusa's cart completion holds: no completion runs meanwhile. */
  whileCartLocked<T>(cartId: string, job: () => Promise<T>): Promise<T>;
}

/** The status of a session Medusa deleted (a new one replaced it) whose payment Medusa still has. */
export const DELETED_SESSION = "deleted";

/** Medusa has this QFPay order as the session's payment. */
export function medusaHolds(standing: SessionStanding, outTradeNo: string): standing is Extract<SessionStanding, { exists: true }> & { paymentId: string } {
  return standing.exists && standing.paymentId !== null && standing.paymentOutTradeNo === outTradeNo;
}

/** This QFPay order is the payment of the session's order. */
export function isOrderPayment(standing: SessionStanding, outTradeNo: string): standing is Extract<SessionStanding, { exists: true }> & { orderId: string } {
  return medusaHolds(standing, outTradeNo) && standing.orderId !== null;
}
