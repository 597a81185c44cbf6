import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyUrlFor } from "@qfpay-medusa/demo/launcher";
import { qfpayPayment, sumAmounts, AdminApi } from "../support/admin-api.js";
import {
  cartReadyToPay,
  checkoutStatus,
  checkoutStatusUrl,
  eventually,
  openQfpaySession,
  shopperEmail,
  storeApi,
  waitForCheckoutStatus,
} from "../support/checkout.js";
import { sleep, startingLine } from "../support/concurrency.js";
import { openPendingCheckout, openPendingCheckouts, type PendingCheckout } from "../support/pending-checkouts.js";
import { queriedOutTradeNos } from "../support/qfpay-wire-recorder.js";
import { payOnWalletPage } from "../support/sandbox-client.js";
import { startScaleStack, type ScaleStack } from "../support/scale-stack.js";
import { ShopperTabs, WIDGET_HOLD_SECONDS } from "../support/shopper-tabs.js";
import { busiestSecond, merchantTraffic } from "../support/traffic.js";

/**
 * A small budget, so that a burst of checkouts on both instances meets it: if each instance kept its own
 * count, twice as many payment requests would reach QFPay in a second.
 */
const BUDGET = { perSecond: 8, perMinute: 180 };
/** The budget counts in the Medusa process's seconds, the sandbox at arrival: a request taken at x.999 s may land in the next second. */
const SECOND_EDGE_SLACK = 2;
/**
 * Requests taken late in one budget second and sent a little later land in the sandbox's next second with that
 * second's own: a shared fixed-window budget puts at most two seconds' worth in one calendar second.
 */
const MOST_IN_ONE_SECOND = 2 * BUDGET.perSecond;

// SCALE_REDIS=off runs the same file on Medusa's in-memory modules: every instance then takes the sync lease for
// itself and runs its own loop, and "one status sync loop" must fail (the check that it can).
const redis = process.env.SCALE_REDIS !== "off";

let scale: ScaleStack;
let admin: AdminApi;
const TAB = 0;
const NOTIFIED = 1;

beforeAll(async () => {
  scale = await startScaleStack({ redis, notifyInstance: NOTIFIED, providerOptions: { requestBudget: BUDGET } });
  admin = await AdminApi.login(scale.instances[0]!.medusaUrl, scale.stack.admin.email, scale.stack.admin.password);
});

afterAll(async () => {
  await scale?.stop();
});

function traffic() {
  return scale.sandbox.traffic().then((report) => merchantTraffic(report, scale.stack.qfpay.appCode));
}

describe("two Medusa instances on one Postgres and one Redis", () => {
  /** A cart ready to complete with a QFPay session made through the tab's instance, and the code it shows. */
  async function checkoutOnTabInstance(label: string) {
    const tab = scale.instances[TAB]!;
    const email = shopperEmail(label);
    const cart = await cartReadyToPay(tab, { currency: "hkd", email });
    const session = await openQfpaySession(tab, cart, "800201");
    const shown = await checkoutStatus(tab, session.id);
    return { tab, email, cart, session, shown, outTradeNo: String(session.data.out_trade_no) };
  }

  it("the notification lands on one instance, the tab polls the other: one status, one order", async () => {
    const { email, cart, session, shown, outTradeNo } = await checkoutOnTabInstance("two-instances");
    await payOnWalletPage(shown.qrcode!);
    const notification = await eventually(
      async () => (await scale.sandbox.notifications()).find((n) => n.body.includes(outTradeNo) && n.acknowledged),
      "the notification to be acknowledged",
    );
    expect(notification.url).toBe(notifyUrlFor(scale.instances[NOTIFIED]!.medusaUrl));
    expect(notification.answer).toBe("SUCCESS");
    const answers = await Promise.all(scale.instances.map((info) => waitForCheckoutStatus(info, session.id, "succeeded", 5_000)));
    // The same answer from both, but for each instance's clock reading.
    const [onTab, onNotified] = answers.map(({ server_time: _, ...status }) => status);
    expect(onTab).toEqual(onNotified);

    // The shopper's storefront and a second tab complete the cart at once, each through another instance.
    const completions = await Promise.allSettled(scale.instances.map((info) => storeApi(info).complete(cart.id)));
    const orderIds = completions.flatMap((c) => (c.status === "fulfilled" ? [c.value.id] : []));
    expect(orderIds.length).toBeGreaterThan(0);
    expect(new Set(orderIds).size).toBe(1);
    const orders = await admin.ordersByEmail(email);
    expect(orders.map((o) => o.id)).toEqual([orderIds[0]]);
    expect(sumAmounts(qfpayPayment(orders[0]!).captures)).toBe(cart.total);
  });

  it("a long poll on the tab's instance holds through the status sync's checks and is answered succeeded when the notification lands on the other", async () => {
    const { tab, session, shown, outTradeNo } = await checkoutOnTabInstance("long-poll");
    await scale.sandbox.pauseNotifications();
    const asked = Date.now();
    const longPoll = fetch(`${checkoutStatusUrl(tab.medusaUrl, session.id, "polls")}?wait=${WIDGET_HOLD_SECONDS}&unless=pending`).then(async (response) => ({
      status: ((await response.json()) as { status: string }).status,
      at: Date.now(),
    }));
    // The sync has asked QFPay about this order twice since: its answer to the first (still waiting) is on record.
    await eventually(
      async () => (scale.wire.to("/trade/v1/query", asked).filter((q) => queriedOutTradeNos(q).includes(outTradeNo)).length >= 2 ? true : undefined),
      "two status checks of the order",
    );
    const paidAt = Date.now();
    await payOnWalletPage(shown.qrcode!);
    await scale.sandbox.resumeNotifications();
    const answer = await longPoll;
    console.log(`long poll answered "${answer.status}" after ${answer.at - asked} ms (paid after ${paidAt - asked} ms)`);
    expect(answer.at, "the long poll held until the payment").toBeGreaterThanOrEqual(paidAt);
    expect(answer.status).toBe("succeeded");
  });

  it("checkouts opened on both instances at once share one QFPay request budget", async () => {
    const perInstance = 12;
    const count = perInstance * scale.instances.length;
    // Carts first (no QFPay request), then every session at the same moment.
    const line = startingLine(count);
    const opening = Array.from({ length: count }, (_, i) =>
      openPendingCheckout(scale.instances[i % scale.instances.length]!, "burst", { completable: false, beforeSession: line.arrive }),
    );
    await line.allArrived;
    await scale.sandbox.resetTraffic();
    line.release();
    const checkouts = await Promise.all(opening);

    expect(new Set(checkouts.map((c) => c.outTradeNo)).size).toBe(count);
    const payments = (await traffic()).endpoints.payment!;
    console.log("payment requests per second during the burst:", payments.perSecond.map((s) => s.count).join(" "));
    expect(payments.requests).toBe(count);
    expect(payments.rateLimited).toBe(0);
    expect(busiestSecond(payments)).toBeLessThanOrEqual(MOST_IN_ONE_SECOND);
  });

  it("one status sync loop asks QFPay about the watched sessions of both instances", async () => {
    const checkouts = await openPendingCheckouts(scale.instances, 30, { concurrency: 6, sessionsPerSecond: 4, label: "watched", completable: false });
    const tabs = new ShopperTabs(checkouts, { intervalMs: 2_000 });
    try {
      await sleep(4_000); // every tab has polled, every session is watched
      await scale.sandbox.resetTraffic();
      const from = Date.now();
      await sleep(20_000);
      const seconds = (Date.now() - from) / 1000;
      const report = await traffic();
      assertOneLoop(scale.wire.to("/trade/v1/query", from), checkouts, seconds);
      expect(report.rateLimited).toBe(0);
      expect(report.peakPerSecond).toBeLessThan(100);
      expect(report.peakPerMinute).toBeLessThan(400);
      expect(busiestSecond(report)).toBeLessThanOrEqual(BUDGET.perSecond + SECOND_EDGE_SLACK);
      expect(tabs.errors).toEqual([]);
    } finally {
      await tabs.close();
    }
  }, 120_000);
});

/**
 * 30 watched sessions, each due every 2 s (1.6-2.4 s with the spread): about 15 fall due every second, all in one
 * page. One loop makes one batch query per 1 s beat and asks about a session again only after its check interval.
 * Two loops make about two queries a beat and, when their beats meet, ask the same due batch twice within a few
 * milliseconds; a loop that skips beats makes fewer.
 */
function assertOneLoop(queries: ReturnType<ScaleStack["wire"]["to"]>, checkouts: PendingCheckout[], seconds: number) {
  const batches = queries.filter((q) => queriedOutTradeNos(q).length > 0 && (q.params.get("page") ?? "1") === "1");
  const askedAt = new Map<string, number[]>();
  for (const batch of batches) for (const number of queriedOutTradeNos(batch)) askedAt.set(number, [...(askedAt.get(number) ?? []), batch.at]);
  const shortestGap = Math.min(...[...askedAt.values()].flatMap((times) => times.slice(1).map((at, i) => at - times[i]!)));
  const timesAsked = checkouts.map((c) => askedAt.get(c.outTradeNo)?.length ?? 0);
  console.log(
    `${batches.length} batch queries in ${seconds.toFixed(1)} s; each session asked ${Math.min(...timesAsked)}-${Math.max(...timesAsked)} times; shortest gap ${shortestGap} ms`,
  );
  expect.soft(Math.min(...timesAsked), "every watched session is asked about").toBeGreaterThanOrEqual(Math.floor(seconds / 4));
  expect.soft(batches.length, "the loop makes a batch query every beat while sessions are due").toBeGreaterThanOrEqual(Math.floor(seconds * 0.8));
  expect.soft(batches.length, "one loop: at most one batch query a beat (two loops make about twice as many)").toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  expect.soft(shortestGap, "no session asked again within 1 s (two loops reading one due batch ask it twice)").toBeGreaterThan(1_000);
}
