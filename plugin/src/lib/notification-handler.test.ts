import type { WebhookActionResult } from "@medusajs/framework/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseQfpayOptions } from "../providers/qfpay/options";
import type { QfpaySessionData } from "../providers/qfpay/session-data";
import { APP_CODE, CLIENT_KEY, newSessionId, startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";
import { CheckoutStatusService } from "./checkout-status/checkout-status-service";
import { ObservedStateStore } from "./checkout-status/observed-state-store";
import { MemoryCache } from "./memory-cache";
import { handleQfpayNotification, type PaymentsLike } from "./notification-handler";
import type { QfpayGateway } from "./qfpay-gateways";

let h: ProviderHarness;
let gateway: QfpayGateway;

/**
 * The payment module as far as the route sees it: session and payment rows, and the provider answering
 * getWebhookActionAndData as Medusa's payment module would ask it.
 */
class PaymentModuleRows implements PaymentsLike {
  sessions = new Map<string, { id: string; provider_id: string; status: string; data: Record<string, unknown> }>();
  payments = new Map<string, { id: string; session: string; data: Record<string, unknown> }>();

  async retrievePaymentSession(id: string) {
    const row = this.sessions.get(id);
    if (!row) throw new Error("not found");
    return row;
  }
  getWebhookActionAndData(event: Parameters<PaymentsLike["getWebhookActionAndData"]>[0]): Promise<WebhookActionResult> {
    return h.provider.getWebhookActionAndData(event.payload);
  }
  async listPayments(filters: { payment_session_id: string }) {
    return [...this.payments.values()].filter((payment) => payment.session === filters.payment_session_id);
  }
  async updatePayment(update: { id: string; data: Record<string, unknown> }) {
    this.payments.get(update.id)!.data = update.data;
  }
}

let rows: PaymentModuleRows;
let processed: WebhookActionResult[];
let status: CheckoutStatusService;

beforeAll(async () => {
  h = await startProviderHarness();
  const options = parseQfpayOptions({ appCode: APP_CODE, clientKey: CLIENT_KEY, baseUrl: h.sandbox.url });
  gateway = { providerId: "pp_qfpay_qfpay", id: "qfpay", options, orders: undefined as never };
});
afterAll(() => h.close());
beforeEach(() => {
  rows = new PaymentModuleRows();
  processed = [];
  status = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()) });
});

function handle(body: string | Buffer, signature: string) {
  return handleQfpayNotification(
    { rawBody: body, headers: { "x-qf-sign": signature, "content-type": "application/json" } },
    {
      gateway,
      payments: rows,
      status,
      logger: h.logger,
      processPayment: async (input) => {
        processed.push(input);
        rows.sessions.get(input.data!.session_id)!.status = "captured";
      },
    },
  );
}

async function openSession(amount = 42): Promise<QfpaySessionData> {
  const id = newSessionId();
  const result = await h.provider.initiatePayment({ amount, currency_code: "hkd", data: { session_id: id } });
  rows.sessions.set(id, { id, provider_id: "pp_qfpay_qfpay", status: "pending", data: result.data! });
  h.sessions.record(id, amount, "hkd", result.data!);
  return result.data as unknown as QfpaySessionData;
}

async function paidNotification(data: QfpaySessionData) {
  h.sandbox.control.pay(data.out_trade_no);
  return h.inbox.waitFor(data.out_trade_no);
}

describe("handleQfpayNotification", () => {
  it("turns a verified payment into Medusa's order flow and answers SUCCESS", async () => {
    const data = await openSession();
    const notification = await paidNotification(data);
    expect(await handle(notification.body, notification.signature)).toEqual({ status: 200, body: "SUCCESS" });
    expect(processed).toEqual([{ action: "captured", data: { session_id: data.session_id, amount: { value: "42", precision: 20 } } }]);
    const polled = await status.statusOf({ id: data.session_id, status: "pending", data }, gateway.orders, 3);
    expect(polled.status).toBe("succeeded");
  });

  it("changes nothing the second time QFPay sends the same notification", async () => {
    const data = await openSession();
    const notification = await paidNotification(data);
    await handle(notification.body, notification.signature);
    expect(await handle(notification.body, notification.signature)).toEqual({ status: 200, body: "SUCCESS" });
    expect(processed).toHaveLength(1);
  });

  it("does not acknowledge a forged notification and logs no secret", async () => {
    const data = await openSession();
    const notification = await paidNotification(data);
    const answer = await handle(notification.body.replace(/"txamt": "\d+"/, '"txamt": "1"'), notification.signature);
    expect(answer).toEqual({ status: 401, body: "FAIL" });
    expect(await handle(notification.body, "")).toEqual({ status: 401, body: "FAIL" });
    expect(processed).toHaveLength(0);
    expect(h.logger.text()).toMatch(/rejected \(bad_signature\)/);
    expect(h.logger.text()).not.toContain(CLIENT_KEY);
  });

  it("does not acknowledge a notification that does not match the session", async () => {
    const data = await openSession(43);
    const notification = await paidNotification(data);
    rows.sessions.get(data.session_id)!.data = { ...data, currency_code: "sgd" };
    expect(await handle(notification.body, notification.signature)).toEqual({ status: 409, body: "FAIL" });
    expect(processed).toHaveLength(0);
  });

  it("does not acknowledge a payment for a session that does not exist", async () => {
    const data = await openSession();
    const notification = await paidNotification(data);
    rows.sessions.delete(data.session_id);
    expect(await handle(notification.body, notification.signature)).toEqual({ status: 404, body: "FAIL" });
  });

  it("acknowledges and records a refund notification once", async () => {
    const data = await openSession(50);
    await paidNotification(data);
    const paid = (await h.provider.authorizePayment({ data: data as never })).data!;
    rows.payments.set("pay_1", { id: "pay_1", session: data.session_id, data: paid });
    const refunded = (await h.provider.refundPayment({ data: paid, amount: 20 })).data as unknown as QfpaySessionData;
    const refundNotification = await h.inbox.waitFor(refunded.refunds[0]!.out_trade_no);
    // QFPay can be quicker than Medusa: until the refund is on record, QFPay is asked to send it again.
    expect(await handle(refundNotification.body, refundNotification.signature)).toEqual({ status: 409, body: "FAIL" });
    rows.payments.get("pay_1")!.data = refunded as never;
    expect(await handle(refundNotification.body, refundNotification.signature)).toEqual({ status: 200, body: "SUCCESS" });
    const recorded = rows.payments.get("pay_1")!.data as unknown as QfpaySessionData;
    expect(recorded.refunds[0]).toMatchObject({ status: "succeeded", syssn: refunded.refunds[0]!.syssn });
    expect(recorded.refunds[0]!.notified_at).toBeTypeOf("string");
    const notifiedAt = recorded.refunds[0]!.notified_at;
    await handle(refundNotification.body, refundNotification.signature);
    expect((rows.payments.get("pay_1")!.data as unknown as QfpaySessionData).refunds[0]!.notified_at).toBe(notifiedAt);
  });

  it("acknowledges a signed notification for an order this store did not make, changing nothing", async () => {
    const body = JSON.stringify({ notify_type: "payment", respcd: "0000", syssn: "20240101000100020000000009", out_trade_no: "POS12345", txamt: "100", txcurrcd: "HKD" });
    const { createHash } = await import("node:crypto");
    const signature = createHash("md5").update(body + CLIENT_KEY).digest("hex").toUpperCase();
    expect(await handle(body, signature)).toEqual({ status: 200, body: "SUCCESS" });
    expect(processed).toHaveLength(0);
  });
});
