/** Where Medusa stands with a payment session, as the reconciliation needs to know it. */
export type SessionStanding =
  | { exists: false }
  | {
      exists: true;
      /** Medusa's session status (pending, authorized, captured, canceled, error, ...). */
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
  /** The same path as a notification: Medusa authorizes, captures and completes the cart into an order. */
  complete(sessionId: string, action: "captured" | "authorized"): Promise<void>;
  /** Records a refund QFPay made on the Medusa payment (Medusa's refund workflow; the provider adopts it). */
  recordRefund(paymentId: string, amountMinor: number, currencyCode: string, note: string): Promise<void>;
}
