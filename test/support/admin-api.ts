/** Medusa's admin HTTP API, as the merchant's dashboard uses it. */

export type AdminPayment = {
  id: string;
  amount: number;
  currency_code: string;
  provider_id: string;
  captured_at: string | null;
  canceled_at: string | null;
  data: Record<string, unknown>;
  captures?: { id: string; amount: number }[];
  refunds?: { id: string; amount: number }[];
};

export type AdminOrder = {
  id: string;
  display_id: number;
  email: string;
  total: number;
  currency_code: string;
  payment_status: string;
  payment_collections: { id: string; status: string; amount: number; payments: AdminPayment[] }[];
};

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "total",
  "currency_code",
  "payment_status",
  "*payment_collections",
  "*payment_collections.payments",
  "*payment_collections.payments.captures",
  "*payment_collections.payments.refunds",
].join(",");

export type QfpayAdminView = {
  order_id: string;
  payments: { out_trade_no: string; status: string; refunded: number }[];
  transactions: {
    out_trade_no: string;
    kind: string;
    attempt: number;
    state: string;
    amount: number;
    resolution: string | null;
    resolution_note: string | null;
    superseded: boolean;
    origin: string;
  }[];
  events: { kind: string; message: string; out_trade_no: string | null }[];
};

export class AdminApiError extends Error {
  override readonly name = "AdminApiError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class AdminApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<AdminApi> {
    const response = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json()) as { token?: string; message?: string };
    if (!response.ok || !body.token) throw new AdminApiError(`Admin login failed: ${body.message ?? response.status}`, response.status);
    return new AdminApi(baseUrl, body.token);
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new AdminApiError(String(json.message ?? response.statusText), response.status);
    return json as T;
  }

  async order(id: string): Promise<AdminOrder> {
    return (await this.call<{ order: AdminOrder }>("GET", `/admin/orders/${id}?fields=${ORDER_FIELDS}`)).order;
  }

  /** Orders whose email ends with `suffix` (e.g. one test run's shoppers), every page of them. */
  async ordersWithEmailEnding(suffix: string): Promise<AdminOrder[]> {
    const found: AdminOrder[] = [];
    for (let offset = 0; ; offset += 100) {
      const query = `q=${encodeURIComponent(suffix)}&order=created_at&limit=100&offset=${offset}&fields=${ORDER_FIELDS}`;
      const { orders } = await this.call<{ orders: AdminOrder[] }>("GET", `/admin/orders?${query}`);
      found.push(...orders.filter((o) => o.email.endsWith(suffix)));
      if (orders.length < 100) return found;
    }
  }

  /** Orders placed with this email, newest first. */
  async ordersByEmail(email: string): Promise<AdminOrder[]> {
    const query = `q=${encodeURIComponent(email)}&order=-created_at&limit=20&fields=${ORDER_FIELDS}`;
    const { orders } = await this.call<{ orders: AdminOrder[] }>("GET", `/admin/orders?${query}`);
    return orders.filter((o) => o.email === email);
  }

  async capturePayment(paymentId: string, amount?: number): Promise<AdminPayment> {
    const body = amount === undefined ? {} : { amount };
    return (await this.call<{ payment: AdminPayment }>("POST", `/admin/payments/${paymentId}/capture`, body)).payment;
  }

  /** The plugin's admin view of an order: its QFPay payments, every transaction on the ledger, reconciliation events. */
  async qfpayView(orderId: string): Promise<QfpayAdminView> {
    return this.call<QfpayAdminView>("GET", `/admin/qfpay/orders/${orderId}`);
  }

  /** Runs the reconciliation sweep now. */
  async reconcile(): Promise<Record<string, unknown>> {
    return this.call("POST", "/admin/qfpay/reconciliation");
  }

  /** The refunds Medusa recorded on the payment made from a payment session (also one no order has). */
  async refundsOfSession(sessionId: string): Promise<{ id: string; amount: number; note?: string | null }[]> {
    const { payments } = await this.call<{ payments: { refunds?: { id: string; amount: number; note?: string | null }[] }[] }>(
      "GET",
      `/admin/payments?payment_session_id=${encodeURIComponent(sessionId)}`,
    );
    return payments.flatMap((payment) => payment.refunds ?? []);
  }

  async refundPayment(paymentId: string, amount: number): Promise<AdminPayment> {
    return (await this.call<{ payment: AdminPayment }>("POST", `/admin/payments/${paymentId}/refund`, { amount })).payment;
  }
}

/** The order's one QFPay payment (throws when there is not exactly one). */
export function qfpayPayment(order: AdminOrder): AdminPayment {
  const payments = order.payment_collections.flatMap((c) => c.payments).filter((p) => p.provider_id === "pp_qfpay_qfpay");
  if (payments.length !== 1) throw new Error(`Expected one QFPay payment on order ${order.id}, found ${payments.length}`);
  return payments[0]!;
}

export function sumAmounts(rows: { amount: number }[] | undefined): number {
  return (rows ?? []).reduce((sum, row) => sum + Number(row.amount), 0);
}
