import { checkoutStatusSchema, findPayType } from "@qfpay-medusa/shared/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQfpayOptions } from "../../providers/qfpay/options";
import { QfpayOrders } from "../../providers/qfpay/qfpay-orders";
import type { QfpaySessionData } from "../../providers/qfpay/session-data";
import { APP_CODE, CLIENT_KEY, countingQfpayApi, newSessionId, startProviderHarness, type ProviderHarness } from "../../test-support/provider-harness";
import { MemoryCache } from "../memory-cache";
import { CheckoutStatusService } from "./checkout-status-service";
import { ObservedStateStore } from "./observed-state-store";

let h: ProviderHarness;
let orders: QfpayOrders;
let queryCount: () => number;

beforeAll(async () => {
  h = await startProviderHarness();
  const counting = countingQfpayApi(h.sandbox.url);
  queryCount = counting.queries;
  orders = new QfpayOrders(counting.api, parseQfpayOptions({ appCode: APP_CODE, clientKey: CLIENT_KEY, baseUrl: h.sandbox.url }));
});
afterAll(() => h.close());

async function openOrder(amount = 1000): Promise<QfpaySessionData> {
  return orders.open({ sessionId: newSessionId(), attempt: 1, amount, currency: "hkd", payType: findPayType("800201")! });
}

const session = (data: QfpaySessionData, status = "pending") => ({ id: data.session_id, status, data });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("CheckoutStatusService", () => {
  it("answers the shared contract, with the QR code while the code can be paid", async () => {
    const data = await openOrder();
    const service = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()) });
    const body = await service.statusOf(session(data), orders, 3);
    expect(checkoutStatusSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      session_id: data.session_id,
      status: "pending",
      pay_type: "800201",
      wallet: "wechat",
      mode: "qr",
      qrcode: data.qrcode,
      amount: 1000,
      amount_exponent: 2,
      currency_code: "hkd",
      expires_at: data.expires_at,
    });
    expect(JSON.stringify(body)).not.toContain(CLIENT_KEY);
  });

  it("asks QFPay once for many concurrent polls, and not again within the interval, across instances sharing the cache", async () => {
    const data = await openOrder();
    const cache = new MemoryCache();
    const instanceA = new CheckoutStatusService({ store: new ObservedStateStore(cache) });
    const instanceB = new CheckoutStatusService({ store: new ObservedStateStore(cache) });
    const before = queryCount();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? instanceA : instanceB).statusOf(session(data), orders, 1)),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set(["pending"]));
    expect(queryCount() - before).toBe(1);
    await instanceB.statusOf(session(data), orders, 1);
    expect(queryCount() - before).toBe(1);

    h.sandbox.control.pay(data.out_trade_no);
    await sleep(1050);
    expect((await instanceA.statusOf(session(data), orders, 1)).status).toBe("succeeded");
    expect(queryCount() - before).toBe(2);
    // Paid is final: no more questions to QFPay, from either instance.
    await sleep(1050);
    await Promise.all([instanceA.statusOf(session(data), orders, 1), instanceB.statusOf(session(data), orders, 1)]);
    expect(queryCount() - before).toBe(2);
  });

  it("takes a recorded notification without asking QFPay", async () => {
    const data = await openOrder();
    const service = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()) });
    await service.recordNotification(data, "20240101000100020000000001");
    const before = queryCount();
    const body = await service.statusOf(session(data), orders, 3);
    expect(body.status).toBe("succeeded");
    expect(body.qrcode).toBeUndefined();
    expect(queryCount()).toBe(before);
  });

  it("trusts Medusa's authorized or captured session without asking QFPay", async () => {
    const data = await openOrder();
    const service = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()) });
    const before = queryCount();
    expect((await service.statusOf(session(data, "captured"), orders, 3)).status).toBe("succeeded");
    expect(queryCount()).toBe(before);
  });

  it("reports an unpaid code past its expiry as expired, by the server's clock", async () => {
    const data = await openOrder();
    const later = new Date(Date.parse(data.expires_at!) + 1000);
    const service = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()), now: () => later });
    const body = await service.statusOf(session(data), orders, 3);
    expect(body).toMatchObject({ status: "expired", server_time: later.toISOString() });
    expect(body.qrcode).toBeUndefined();
    expect(body.message).toMatch(/expired/);
  });

  it("does not mix up a new code with what was learnt about the old one", async () => {
    const data = await openOrder();
    const cache = new MemoryCache();
    const service = new CheckoutStatusService({ store: new ObservedStateStore(cache) });
    h.sandbox.control.expire(data.out_trade_no);
    expect((await service.statusOf(session(data), orders, 30)).status).toBe("expired");
    const renewed = await orders.replace({ ...data, state: "expired" });
    expect((await service.statusOf(session(renewed), orders, 30)).status).toBe("pending");
  });

  it("answers what it knows while QFPay is unreachable, and waits the interval before asking again", async () => {
    const data = await openOrder();
    const warnings: string[] = [];
    const service = new CheckoutStatusService({
      store: new ObservedStateStore(new MemoryCache()),
      logger: { warn: (message) => warnings.push(message) },
    });
    h.sandbox.control.faults.set({ http5xx: 10 });
    try {
      expect((await service.statusOf(session(data), orders, 30)).status).toBe("pending");
      const before = queryCount();
      expect((await service.statusOf(session(data), orders, 30)).status).toBe("pending");
      expect(queryCount()).toBe(before);
      expect(warnings.join("\n")).toMatch(/unknown for now.*HTTP 503/);
      expect(warnings.join("\n")).not.toContain(CLIENT_KEY);
    } finally {
      h.sandbox.control.faults.clear();
    }
  });
});
