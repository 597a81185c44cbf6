import { findPayType } from "@qfpay-medusa/shared/server";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { parseQfpayOptions } from "../../providers/qfpay/options";
import { QfpayOrders } from "../../providers/qfpay/qfpay-orders";
import type { QfpaySessionData } from "../../providers/qfpay/session-data";
import { APP_CODE, CLIENT_KEY, countingQfpayApi, newSessionId, startProviderHarness, type ProviderHarness } from "../../test-support/provider-harness";
import { MemoryCache } from "../memory-cache";
import { CheckoutStatusService } from "./checkout-status-service";
import { ObservedStateStore } from "./observed-state-store";

/**
 * Figures for the widget's status route: a poll answered from the cache, a poll that asks QFPay (the sandbox),
 * opening an order, and how many QFPay queries a burst of polls costs.
 * Run: pnpm --filter @qfpay-medusa/plugin bench
 */
let h: ProviderHarness;
let orders: QfpayOrders;
let queryCount: () => number;
let cached: QfpaySessionData;
let uncached: QfpaySessionData;
const service = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()) });
const session = (data: QfpaySessionData) => ({ id: data.session_id, status: "pending", data });
const open = () => orders.open({ sessionId: newSessionId(), attempt: 1, amount: 1000, currency: "hkd", payType: findPayType("800201")! });

beforeAll(async () => {
  h = await startProviderHarness();
  const counting = countingQfpayApi(h.sandbox.url);
  queryCount = counting.queries;
  orders = new QfpayOrders(counting.api, parseQfpayOptions({ appCode: APP_CODE, clientKey: CLIENT_KEY, baseUrl: h.sandbox.url }));
  cached = await open();
  uncached = await open();
  await service.statusOf(session(cached), orders, 3600);

  const burst = await Promise.all(Array.from({ length: 10 }, open));
  const burstService = new CheckoutStatusService({ store: new ObservedStateStore(new MemoryCache()) });
  const before = queryCount();
  const started = performance.now();
  await Promise.all(Array.from({ length: 200 }, (_, i) => burstService.statusOf(session(burst[i % 10]!), orders, 3)));
  const elapsed = performance.now() - started;
  console.log(`200 concurrent polls of 10 sessions: ${queryCount() - before} QFPay queries, ${elapsed.toFixed(1)} ms in all`);
});

afterAll(() => h.close());

describe("checkout status", () => {
  bench("poll answered from the cache", async () => {
    await service.statusOf(session(cached), orders, 3600);
  });

  bench("poll that asks QFPay (sandbox)", async () => {
    await service.statusOf(session(uncached), orders, 0);
  });

  bench("open an MPM order (sandbox)", async () => {
    await open();
  });
});
