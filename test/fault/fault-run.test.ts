import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toMinorUnits } from "@qfpay-medusa/shared";
import { startStack, type Stack } from "@qfpay-medusa/demo/launcher";
import { AdminApi } from "../support/admin-api.js";
import { askForNewCode, cartReadyToPay, checkoutStatus, openQfpaySession, storeApi } from "../support/checkout.js";
import { stackInfoOf } from "../support/global-setup.js";
import type { StackInfo } from "../support/stack-info.js";
import { auditMoney, type OrderPayment } from "./money-audit.js";
import { planCheckouts, seededRandom, type CheckoutPlan } from "./fault-plan.js";

const RUNS = Number(process.env.FAULT_RUNS ?? 40);
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? 4);
/** Medusa is killed with SIGKILL this often (at a random moment within it) while checkouts run. */
const KILL_EVERY_MS = [15_000, 40_000] as const;
const SETTLE_TIMEOUT_MS = 240_000;

let stack: Stack;
let info: StackInfo;
let stateDir: string;
const emailSuffix = `@fault-${SEED}.test`;
const outcomes = { kills: 0, checkoutsWithoutSession: 0, shopperErrors: [] as string[] };

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "qfpay-fault-run-"));
  stack = await startStack({
    stateDir,
    ports: { medusa: 0, storefront: 0, sandbox: 0, postgres: 0 },
    adminEnabled: false,
    storefrontEnabled: false,
    notifyTimeScale: 0.001,
    medusaEnv: { QFPAY_PROVIDER_OPTIONS: JSON.stringify({ refreshCooldownSeconds: 1 }) },
  });
  info = { ...stackInfoOf(stack, stateDir), storefrontUrl: stack.medusaUrl };
});

afterAll(async () => {
  await stack?.stop();
  if (!process.env.KEEP_TEST_STATE) rmSync(stateDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Medusa may be down (killed) or QFPay faulty: try again for a while, as a shopper's page would. */
async function persist<T>(what: string, step: () => Promise<T>, forMs = 90_000): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let wait = 300; ; wait = Math.min(wait * 2, 3000)) {
    try {
      return await step();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await sleep(wait);
    }
  }
}

async function chaos(signal: AbortSignal, random: () => number): Promise<void> {
  while (!signal.aborted) {
    await sleep(KILL_EVERY_MS[0] + random() * (KILL_EVERY_MS[1] - KILL_EVERY_MS[0]));
    if (signal.aborted) return;
    await stack.medusa[0]!.kill("SIGKILL");
    outcomes.kills++;
    await stack.medusa[0]!.restart();
  }
}

function applyFault(plan: CheckoutPlan): () => void {
  const faults = stack.sandbox!.control.faults;
  const { fault } = plan;
  switch (fault.kind) {
    case "latency":
      faults.set({ latencyMs: fault.ms });
      return () => faults.set({ latencyMs: 0 });
    case "http5xx":
      faults.set({ http5xx: fault.count });
      break;
    case "drop-connection":
      faults.set({ dropConnection: fault.count });
      break;
    case "force-respcd":
      faults.set({ forceRespcd: { respcd: fault.respcd, endpoint: fault.endpoint } });
      break;
    case "late-notifications":
      faults.set({ delayNotificationsMs: fault.ms });
      return () => faults.set({ delayNotificationsMs: 0 });
    case "duplicate-notifications":
      faults.set({ duplicateNotifications: true });
      return () => faults.set({ duplicateNotifications: false });
    case "out-of-order-notifications":
      faults.set({ outOfOrder: true });
      return () => faults.set({ outOfOrder: false });
    default:
      break;
  }
  return () => undefined;
}

async function shopper(plan: CheckoutPlan): Promise<void> {
  const control = stack.sandbox!.control;
  const email = `run${plan.run}-${SEED}${emailSuffix}`;
  const cart = await persist("cart", () => cartReadyToPay(info, { currency: plan.currency, email }));
  const undo = applyFault(plan);
  let session;
  try {
    session = await persist("payment session", () => openQfpaySession(info, cart, "800201"), 30_000);
  } catch {
    outcomes.checkoutsWithoutSession++;
    return;
  } finally {
    setTimeout(undo, 2000);
  }
  if (plan.ending === "never-pays") return;
  const outTradeNo = String(session.data.out_trade_no);
  if (plan.fault.kind === "refresh-before-paying" || plan.fault.kind === "refresh-racing-payment" || plan.fault.kind === "old-code-paid-late") {
    if (plan.fault.kind === "refresh-racing-payment") control.hooks.arm({ endpoint: "close", id: outTradeNo, action: "pay", when: "before" });
    await sleep(1100);
    await persist("new code", () => askForNewCode(info, session.id).then((a) => (a.status >= 500 ? Promise.reject(new Error(String(a.status))) : a)));
    if (plan.fault.kind === "old-code-paid-late") {
      try {
        control.payLate(outTradeNo);
      } catch (error) {
        outcomes.shopperErrors.push(`run ${plan.run}: ${(error as Error).message}`);
      }
    }
  }
  const current = (await persist("status", () => checkoutStatus(info, session.id))).status;
  if (current === "pending" || current === "processing") {
    const number = await currentNumber(session.id, outTradeNo);
    try {
      if (plan.fault.kind === "hold-then-pay") control.hold(number, 500 + Math.floor(Math.random() * 2500));
      else control.pay(number);
    } catch (error) {
      // Expired, closed or already paid meanwhile: nothing to pay.
      outcomes.shopperErrors.push(`run ${plan.run}: ${(error as Error).message}`);
    }
  }
  if (plan.ending === "closes-tab") return;
  const done = await persist(
    "paid status",
    async () => {
      const status = await checkoutStatus(info, session.id);
      if (status.status === "pending" || status.status === "processing") throw new Error(status.status);
      return status;
    },
    60_000,
  ).catch(() => undefined);
  if (done?.status !== "succeeded") return;
  await persist("cart completion", () =>
    storeApi(info)
      .complete(cart.id)
      .catch((error: Error & { type?: string }) => {
        // Completed already (by the notification or the reconciliation): that is the point.
        if (/completed|already/i.test(error.message)) return undefined;
        throw error;
      }),
  );
}

/** The out_trade_no of the session's current code, from the sandbox's ledger (newest attempt). */
async function currentNumber(sessionId: string, fallback: string): Promise<string> {
  const numbers = stack
    .sandbox!.ledger()
    .filter((entry) => entry.kind === "payment" && entry.outTradeNo.includes(sessionId))
    .map((entry) => entry.outTradeNo);
  return numbers.sort().at(-1) ?? fallback;
}

async function medusaOrderPayments(admin: AdminApi): Promise<OrderPayment[]> {
  const orders = await admin.ordersWithEmailEnding(emailSuffix);
  return orders.flatMap((order) =>
    order.payment_collections.flatMap((collection) =>
      collection.payments
        .filter((payment) => payment.provider_id.startsWith("pp_qfpay_"))
        .map((payment) => ({
          orderId: order.id,
          outTradeNo: String(payment.data.out_trade_no),
          captured: (payment.captures ?? []).reduce((sum, capture) => sum + Number(capture.amount), 0),
          refunded: (payment.refunds ?? []).reduce((sum, refund) => sum + Number(refund.amount), 0),
          currency: payment.currency_code,
        })),
    ),
  );
}

describe(`random-fault run: ${RUNS} checkouts through real Medusa and Postgres (seed ${SEED})`, () => {
  it("ends with QFPay's ledger reconciled against Medusa: 0 lost, 0 double, 0 orders without money", async () => {
    const random = seededRandom(SEED);
    const plans = planCheckouts(RUNS, random);
    const stopChaos = new AbortController();
    const chaosDone = chaos(stopChaos.signal, random);
    const queue = [...plans];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let plan = queue.shift(); plan; plan = queue.shift()) {
          await shopper(plan).catch((error: Error) => outcomes.shopperErrors.push(`run ${plan!.run}: ${error.message}`));
        }
      }),
    );
    stopChaos.abort();
    await chaosDone;
    stack.sandbox!.control.faults.clear();
    stack.sandbox!.control.hooks.clear();

    // Everything settles by itself (status sync, notifications retried, reconciliation every 10 s).
    const admin = await persist("admin login", () => AdminApi.login(stack.medusaUrl, stack.admin.email, stack.admin.password));
    const toMinor = (amount: number, currency: string) => toMinorUnits(amount, currency.toUpperCase());
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let audit = auditMoney(stack.sandbox!.ledger(), await medusaOrderPayments(admin), toMinor);
    while (Date.now() < deadline && (audit.lost.length || audit.double.length || audit.ordersWithoutMoney.length || audit.amountMismatches.length)) {
      await sleep(5000);
      audit = auditMoney(stack.sandbox!.ledger(), await medusaOrderPayments(admin), toMinor);
    }
    const table = {
      checkouts: RUNS,
      "Medusa killed (SIGKILL)": outcomes.kills,
      "checkouts without a session": outcomes.checkoutsWithoutSession,
      "paid at QFPay": audit.paid,
      "captured payment of one order": audit.asOrder,
      "refunded in full": audit.refundedInFull,
      lost: audit.lost.length,
      "taken twice": audit.double.length,
      "orders without money": audit.ordersWithoutMoney.length,
      "amount differences": audit.amountMismatches.length,
    };
    console.log(`\nRandom-fault run, seed ${SEED}\n`);
    console.table(table);
    if (audit.lost.length || audit.double.length || audit.ordersWithoutMoney.length)
      console.log({ ...audit, shopperErrors: outcomes.shopperErrors.slice(0, 20) });
    expect(audit.paid).toBeGreaterThan(RUNS / 3);
    expect(audit.asOrder + audit.refundedInFull).toBe(audit.paid);
    expect({ lost: audit.lost, double: audit.double, ordersWithoutMoney: audit.ordersWithoutMoney, amountMismatches: audit.amountMismatches }).toEqual({
      lost: [],
      double: [],
      ordersWithoutMoney: [],
      amountMismatches: [],
    });
  });
});
