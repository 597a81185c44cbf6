import { afterAll, beforeAll, expect, it } from "vitest";
import { qfpayPayment, AdminApi } from "../support/admin-api.js";
import { ordersOf, placePaidOrder, shopperEmail } from "../support/checkout.js";
import { quantile, sleep } from "../support/concurrency.js";
import { openPendingCheckout, openPendingCheckouts, type PendingCheckout } from "../support/pending-checkouts.js";
import { startScaleStack, type ScaleStack } from "../support/scale-stack.js";
import { ShopperTabs } from "../support/shopper-tabs.js";
import { busiestSecond, merchantTraffic } from "../support/traffic.js";

/** The plugin's default request budget (QFPay allows 100/s and 400/min). */
const BUDGET = { perSecond: 20, perMinute: 180 };
/** The budget counts in the Medusa process's seconds, the sandbox at arrival: a request taken at x.999 s may land in the next second. */
const SECOND_EDGE_SLACK = 2;
const PENDING = 200;
const PAID_DURING_THE_MINUTE = 9;
/**
 * Opening a session is a QFPay payment request: 1.8 a second (108/min) leaves the minute budget room for the
 * status sync's one query a second while they are opened.
 */
const SESSIONS_PER_SECOND = 1.8;
/** A watched session is asked about every 2 s (at most 2.4 s with the spread), its tab polls every 2 s. */
const SEEN_WITHIN_MS = 6_000;

let scale: ScaleStack;
let admin: AdminApi;
let pending: PendingCheckout[];
let paidToRefund: { paymentId: string; amount: number; syssn: string };

beforeAll(async () => {
  scale = await startScaleStack({ notifyInstance: 1 });
  admin = await AdminApi.login(scale.instances[0]!.medusaUrl, scale.stack.admin.email, scale.stack.admin.password);
  const email = shopperEmail("to-refund");
  await placePaidOrder(scale.instances[0]!, { currency: "hkd", payType: "800201", email });
  const payment = qfpayPayment((await ordersOf(admin, email))[0]!);
  paidToRefund = { paymentId: payment.id, amount: payment.amount, syssn: String(payment.data.syssn) };
  const started = Date.now();
  const opening = { concurrency: 8, sessionsPerSecond: SESSIONS_PER_SECOND, label: "pending" };
  // Those paid during the minute can become orders; the others are never paid and need no delivery.
  pending = [
    ...(await openPendingCheckouts(scale.instances, PAID_DURING_THE_MINUTE, opening)),
    ...(await openPendingCheckouts(scale.instances, PENDING - PAID_DURING_THE_MINUTE, { ...opening, completable: false })),
  ];
  console.log(`${PENDING} pending checkouts opened in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

afterAll(async () => {
  await scale?.stop();
});

it(`${PENDING} pending checkouts polled every 2 s for a minute: within QFPay's limits, checkouts and refunds go through, silent payments are seen`, async () => {
  await scale.sandbox.notificationsEnabled(false);
  const tabs = new ShopperTabs(pending, { intervalMs: 2_000 });
  const paidAt = new Map<string, number>();
  const payments = pending.slice(0, PAID_DURING_THE_MINUTE);
  try {
    await sleep(4_000); // every tab has polled once
    await scale.sandbox.resetTraffic();
    const from = Date.now();
    const at = (second: number) => sleep(Math.max(0, from + second * 1000 - Date.now()));
    const scenario = [
      at(10).then(async () => {
        const started = Date.now();
        const newcomer = await openPendingCheckout(scale.instances[1]!, "newcomer");
        return { newcomer, tookMs: Date.now() - started };
      }),
      at(20).then(() => admin.refundPayment(paidToRefund.paymentId, paidToRefund.amount)),
      ...payments.map((checkout, i) =>
        at(15 + i * 4).then(async () => {
          paidAt.set(checkout.sessionId, Date.now());
          await scale.sandbox.pay(checkout.outTradeNo);
        }),
      ),
    ];
    const [opened, refunded] = (await Promise.all(scenario)) as [{ newcomer: PendingCheckout; tookMs: number }, Awaited<ReturnType<AdminApi["refundPayment"]>>];
    await at(60);
    const seconds = (Date.now() - from) / 1000;
    const traffic = merchantTraffic(await scale.sandbox.traffic(), scale.stack.qfpay.appCode);

    const seenAfter = payments.map((c) => (tabs.seenAt(c.sessionId, "succeeded") ?? Number.POSITIVE_INFINITY) - paidAt.get(c.sessionId)!);
    console.log(
      [
        `${tabs.polls} polls in ${seconds.toFixed(1)} s (${(tabs.polls / seconds).toFixed(0)}/s), p50 ${quantile(tabs.latenciesMs, 0.5).toFixed(0)} ms, p99 ${quantile(tabs.latenciesMs, 0.99).toFixed(0)} ms`,
        `QFPay: ${traffic.requests} requests (${traffic.endpoints.query?.requests ?? 0} queries), peak ${traffic.peakPerSecond}/s and ${traffic.peakPerMinute}/min, ${traffic.rateLimited} answered 429`,
        `new checkout opened in ${opened.tookMs} ms; paid sessions seen by their tabs after ${seenAfter.map((ms) => (ms / 1000).toFixed(1)).join(", ")} s`,
      ].join("\n"),
    );

    expect(tabs.errors).toEqual([]);
    expect(traffic.rateLimited).toBe(0);
    expect(traffic.peakPerSecond).toBeLessThan(100);
    expect(traffic.peakPerMinute).toBeLessThan(400);
    expect(traffic.peakPerMinute).toBeLessThanOrEqual(BUDGET.perMinute);
    expect(busiestSecond(traffic)).toBeLessThanOrEqual(BUDGET.perSecond + SECOND_EDGE_SLACK);

    const ledger = await scale.sandbox.ledger();
    expect(ledger.find((e) => e.outTradeNo === opened.newcomer.outTradeNo)).toMatchObject({ kind: "payment", state: "pending" });
    expect(refunded.refunds?.length).toBe(1);
    expect(ledger.filter((e) => e.kind === "refund" && e.origSyssn === paidToRefund.syssn && e.state === "succeeded")).toHaveLength(1);

    for (const ms of seenAfter) expect(ms).toBeLessThanOrEqual(SEEN_WITHIN_MS);
  } finally {
    await tabs.close();
    await scale.sandbox.notificationsEnabled(true);
  }
}, 180_000);
