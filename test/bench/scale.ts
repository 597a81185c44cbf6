/**
 * Figures for many shoppers at once on two Medusa instances with Redis (support/scale-stack.ts):
 *   (a) QFPay requests per minute with 20, 200 and 2,000 pending checkouts, each with a tab polling every 2 s;
 *   (b) the status route's throughput, and its p99 under 200 tabs polling, next to Medusa's GET /store/regions;
 *   (c) paid → "succeeded" latency with the widget's long poll, notifications on and off.
 * pnpm --filter @qfpay-medusa/test bench [-- --sizes=20,200,2000 --window=60 --runs=30 --throughput-at=200]
 */
import { parseArgs } from "node:util";
import { quantile, sleep } from "../support/concurrency.js";
import { openPendingCheckouts, type PendingCheckout } from "../support/pending-checkouts.js";
import { queriedOutTradeNos } from "../support/qfpay-wire-recorder.js";
import { startScaleStack, type ScaleStack } from "../support/scale-stack.js";
import { checkoutStatusUrl } from "../support/checkout.js";
import { ShopperTabs, WIDGET_HOLD_SECONDS, type TabOptions } from "../support/shopper-tabs.js";
import { busiestSecond, merchantTraffic } from "../support/traffic.js";
import { closedLoop, steadyPollers, type LoadFigures } from "./load.js";
import { paidToSucceededMs } from "./paid-latency.js";
import { printTable, seconds } from "./table.js";

const { values: args } = parseArgs({
  // pnpm hands over its "--" separator too
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    sizes: { type: "string", default: "20,200,2000" },
    window: { type: "string", default: "60" },
    runs: { type: "string", default: "30" },
    "throughput-at": { type: "string", default: "200" },
  },
});
const SIZES = args.sizes.split(",").map(Number);
const WINDOW_SECONDS = Number(args.window);
const RUNS = Number(args.runs);
const THROUGHPUT_AT = Number(args["throughput-at"]);
const THROUGHPUT_SECONDS = 15;
/** How long each route's latency is measured under THROUGHPUT_AT polling tabs: long enough that one pause of one instance is not the p99. */
const POLLED_SECONDS = 60;
/** The widget's own polling: each request held while nothing changes. */
const WIDGET_TABS: TabOptions = { intervalMs: 0, longPollSeconds: WIDGET_HOLD_SECONDS, openWithinMs: 10_000 };
/** Enough clients back to back to keep both instances busy on this machine. */
const THROUGHPUT_CLIENTS = 16;
/**
 * Opening a session is one QFPay payment request. The bench raises the merchant's minute budget to 360 (QFPay
 * allows 400) and opens 4.5 sessions a second (270/min), leaving room for the sync; at the default 180/min,
 * 2,000 checkouts would take 20 minutes to open. The sync's share (70 %) stays above the one query a second it makes.
 */
const REQUEST_BUDGET = { perSecond: 20, perMinute: 360 };
const SESSIONS_PER_SECOND = 4.5;

const phases: [string, number][] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  console.log(`… ${name}`);
  const result = await work();
  phases.push([name, Date.now() - started]);
  return result;
}

type PollingFigures = {
  size: number;
  /** The tabs' long poll, seconds; undefined: they poll every 2 s. */
  longPollSeconds: number | undefined;
  qfpayPerMinute: number;
  queriesPerMinute: number;
  peakPerSecond: number;
  peakPerMinute: number;
  busiestSecond: number;
  rateLimited: number;
  askedEverySeconds: number;
  pollsPerSecond: number;
  pollP99Ms: number;
  pollErrors: number;
};

/**
 * Every pending checkout has a tab (by default polling every 2 s) for the window; what reached QFPay meanwhile,
 * and the tabs' polls answered in it. The window starts once every tab has polled, so that every session is watched.
 */
async function pollingWindow(scale: ScaleStack, pending: PendingCheckout[], options: TabOptions = { intervalMs: 2_000 }): Promise<PollingFigures> {
  const tabs = new ShopperTabs(pending, options);
  const warmUpMs = (options.openWithinMs ?? options.intervalMs) + 4_000;
  try {
    await sleep(warmUpMs);
    const pollsBefore = tabs.latenciesMs.length;
    const errorsBefore = tabs.errors.length;
    await scale.sandbox.resetTraffic();
    const from = Date.now();
    await sleep(WINDOW_SECONDS * 1000);
    const minutes = (Date.now() - from) / 60_000;
    const traffic = merchantTraffic(await scale.sandbox.traffic(), scale.stack.qfpay.appCode);
    const asks = new Map<string, number>();
    for (const query of scale.wire.to("/trade/v1/query", from)) for (const number of queriedOutTradeNos(query)) asks.set(number, (asks.get(number) ?? 0) + 1);
    const askedEvery = pending.map((c) => (minutes * 60) / (asks.get(c.outTradeNo) ?? 0));
    return {
      size: pending.length,
      longPollSeconds: options.longPollSeconds,
      qfpayPerMinute: traffic.requests / minutes,
      queriesPerMinute: (traffic.endpoints.query?.requests ?? 0) / minutes,
      peakPerSecond: traffic.peakPerSecond,
      peakPerMinute: traffic.peakPerMinute,
      busiestSecond: busiestSecond(traffic),
      rateLimited: traffic.rateLimited,
      askedEverySeconds: quantile(askedEvery, 0.5),
      pollsPerSecond: (tabs.polls - pollsBefore) / (minutes * 60),
      pollP99Ms: quantile(tabs.latenciesMs.slice(pollsBefore), 0.99),
      pollErrors: tabs.errors.length - errorsBefore,
    };
  } finally {
    await tabs.close();
  }
}

type RouteFigures = { throughput: LoadFigures; polled: LoadFigures };
type RoutesFigures = { status: RouteFigures; storeStatus: RouteFigures; regions: RouteFigures };

/**
 * Each route twice: as fast as it answers (THROUGHPUT_CLIENTS back to back, spread over both instances), and
 * under THROUGHPUT_AT tabs polling every 2 s (the latency a shopper sees). The status route is the one the
 * widget polls (outside /store); the same answer under /store is measured too, for storefronts that call it.
 */
async function routeFigures(scale: ScaleStack, pending: PendingCheckout[]): Promise<RoutesFigures> {
  const headers = { "x-publishable-api-key": scale.stack.publishableKey };
  const sessionUrl = (client: number, via: "store" | "polls") => {
    const checkout = pending[client % pending.length]!;
    return checkoutStatusUrl(checkout.info.medusaUrl, checkout.sessionId, via);
  };
  const status = (client: number) => fetch(sessionUrl(client, "polls"));
  const storeStatus = (client: number) => fetch(sessionUrl(client, "store"), { headers });
  const regions = (client: number) => fetch(`${scale.instances[client % scale.instances.length]!.medusaUrl}/store/regions`, { headers });
  const figures = async (request: (client: number) => Promise<Response>): Promise<RouteFigures> => ({
    throughput: await closedLoop(THROUGHPUT_CLIENTS, THROUGHPUT_SECONDS, request),
    polled: await steadyPollers(THROUGHPUT_AT, 2_000, POLLED_SECONDS, request),
  });
  return { status: await figures(status), storeStatus: await figures(storeStatus), regions: await figures(regions) };
}

async function latencies(scale: ScaleStack, checkouts: PendingCheckout[], notifications: boolean): Promise<number[]> {
  await scale.sandbox.notificationsEnabled(notifications);
  try {
    return await paidToSucceededMs(scale.sandbox, checkouts);
  } finally {
    await scale.sandbox.notificationsEnabled(true);
  }
}

const scale = await phase("start the stack (Postgres, Redis, 2 Medusa instances, sandbox)", () =>
  startScaleStack({ providerOptions: { requestBudget: REQUEST_BUDGET }, log: () => undefined }),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void scale.stop().finally(() => process.exit(130)));
try {
  const polling: PollingFigures[] = [];
  const pending: PendingCheckout[] = [];
  let routes: RoutesFigures | undefined;
  const paid: { notifications: boolean; ms: number[] }[] = [];
  for (const size of SIZES) {
    const more = size - pending.length;
    // The (c) runs pay the first ones: those can become orders. The rest are never paid and need no delivery.
    const completable = size <= THROUGHPUT_AT;
    const opening = { concurrency: 8, sessionsPerSecond: SESSIONS_PER_SECOND, label: `bench-${size}`, completable };
    pending.push(...(await phase(`open ${more} pending checkouts (to ${size})`, () => openPendingCheckouts(scale.instances, more, opening))));
    polling.push(await phase(`${size} tabs polling every 2 s for ${WINDOW_SECONDS} s`, () => pollingWindow(scale, pending)));
    console.log(JSON.stringify(polling.at(-1)));
    if (size === SIZES.at(-1)) {
      polling.push(await phase(`${size} tabs polling as the widget does for ${WINDOW_SECONDS} s`, () => pollingWindow(scale, pending, WIDGET_TABS)));
      console.log(JSON.stringify(polling.at(-1)));
    }
    if (size === THROUGHPUT_AT) {
      routes = await phase(
        `status routes and /store/regions: ${THROUGHPUT_CLIENTS} clients back to back for ${THROUGHPUT_SECONDS} s, then ${THROUGHPUT_AT} tabs polling for ${POLLED_SECONDS} s`,
        () => routeFigures(scale, pending),
      );
      console.log(JSON.stringify(routes));
      for (const notifications of [true, false]) {
        const runs = pending.splice(0, RUNS);
        paid.push({
          notifications,
          ms: await phase(`${RUNS} payments, notifications ${notifications ? "on" : "off"}`, () => latencies(scale, runs, notifications)),
        });
        console.log(JSON.stringify(paid.at(-1)));
      }
    }
  }

  printTable(
    "(a) QFPay requests with N pending checkouts, each with a tab polling every 2 s, and at the largest N also as the widget polls (each request held up to 20 s) (goal: <= 60/min at 200)",
    [
      "pending",
      "tabs",
      "QFPay req/min",
      "queries/min",
      "peak /s",
      "peak /min",
      "busiest s",
      "429s",
      "each asked every",
      "tab polls/s",
      "poll p99",
      "poll errors",
    ],
    polling.map((p) => [
      p.size,
      p.longPollSeconds ? `held ${p.longPollSeconds} s` : "every 2 s",
      p.qfpayPerMinute.toFixed(1),
      p.queriesPerMinute.toFixed(1),
      p.peakPerSecond,
      p.peakPerMinute,
      p.busiestSecond,
      p.rateLimited,
      `${p.askedEverySeconds.toFixed(1)} s`,
      p.pollsPerSecond.toFixed(0),
      p.longPollSeconds ? "(held)" : `${p.pollP99Ms.toFixed(0)} ms`,
      p.pollErrors,
    ]),
  );
  if (routes) {
    const row = (route: string, figures: RouteFigures) => [
      route,
      figures.throughput.perSecond.toFixed(0),
      `${figures.polled.p50Ms.toFixed(1)} ms`,
      `${figures.polled.p99Ms.toFixed(1)} ms`,
      figures.throughput.errors + figures.polled.errors,
    ];
    printTable(
      `(b) each route: req/s with ${THROUGHPUT_CLIENTS} clients back to back (${THROUGHPUT_SECONDS} s), and latency under ${THROUGHPUT_AT} tabs polling every 2 s (${POLLED_SECONDS} s), over both instances (goal: status >= 2x regions, p99 <= 50 ms)`,
      ["route", "req/s", "p50 polled", "p99 polled", "errors"],
      [
        row("GET /qfpay/payment-sessions/:id (the widget's poll)", routes.status),
        row("GET /store/qfpay/payment-sessions/:id", routes.storeStatus),
        row("GET /store/regions", routes.regions),
        ["ratio status / regions", (routes.status.throughput.perSecond / routes.regions.throughput.perSecond).toFixed(2), "", "", ""],
      ],
    );
  }
  if (paid.length) {
    printTable(
      `(c) paid -> "succeeded" seen by a tab long-polling (?wait=25&unless=pending), paid at a random moment of the hold, ${THROUGHPUT_AT} checkouts pending, no other tabs (goal p95: 1 s with notifications, 3 s without)`,
      ["notifications", "runs", "p50", "p95", "max", "not seen in 30 s"],
      paid.map(({ notifications, ms }) => {
        const seen = ms.filter(Number.isFinite);
        return [
          notifications ? "on" : "off",
          ms.length,
          seconds(quantile(seen, 0.5)),
          seconds(quantile(seen, 0.95)),
          seconds(Math.max(...seen)),
          ms.length - seen.length,
        ];
      }),
    );
  }
  printTable(
    "Phases",
    ["phase", "took"],
    phases.map(([name, ms]) => [name, seconds(ms)]),
  );
} finally {
  await scale.stop();
}
