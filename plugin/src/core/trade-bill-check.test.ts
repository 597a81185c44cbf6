import { formatTxdtm, parseTxdtm } from "@qfpay-medusa/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseQfpayOptions } from "../qfpay";
import { FakeStoreOrders } from "../test-support/fake-store-orders";
import { openOrder, paidOrder, WECHAT_QR } from "../test-support/orders";
import { newSessionId, startProviderHarness, type ProviderHarness } from "../test-support/provider-harness";
import { SOLE_INSTANCE_LEASE } from "../test-support/sole-instance-lease";
import { Reconciler } from "./reconciler";
import { compareStatement, previousDay, servesDailyStatement } from "./trade-bill-check";
import { readTradeBill } from "./trade-bill";

let h: ProviderHarness;
beforeEach(async () => {
  h = await startProviderHarness({ refreshCooldownSeconds: 0 });
});
afterEach(() => h.close());

const TXZONE = "+0800";

/** Today's statement as the sandbox serves it, compared with the ledger over today so far. */
async function todaysDifferences() {
  const now = new Date();
  const date = formatTxdtm(now, TXZONE).slice(0, 10);
  const statement = await h.runtime.reconcileCalls.tradeBill({ trade_date: date });
  // The comparison skips the first minutes of a day (paid the day before); today's test payments are all in.
  const from = new Date(parseTxdtm(`${date} 00:00:00`, TXZONE).getTime() - 10 * 60_000);
  return compareStatement(readTradeBill(statement.data), h.ledger, { date, from, to: new Date(now.getTime() + 60_000) }, undefined);
}

describe("QFPay's daily statement against the ledger", () => {
  it("agrees on payments and refunds both sides know", async () => {
    const paid = await paidOrder(h, 2100);
    await h.runtime.payments.refund(paid.session_id, paid, 600);
    const differences = await todaysDifferences();
    expect(differences.filter((difference) => difference.session_id === paid.session_id)).toEqual([]);
  });

  it("reports a payment the ledger has as paid that QFPay does not list, an amount that differs, and a paid order the ledger does not know", async () => {
    const paid = await paidOrder(h, 2200);
    const other = await paidOrder(h, 2300);
    const ghost = { ...h.ledger.records.get(paid.out_trade_no)!, out_trade_no: `${newSessionId()}|p|1`, session_id: "payses_GHOST" };
    h.ledger.records.set(ghost.out_trade_no, ghost);
    await h.ledger.update(other.out_trade_no, { amount: 2299 });
    // Opened at QFPay without the ledger (as by a copy of the store that kept no record), then paid.
    const stranger = await h.runtime.orders.open({ sessionId: newSessionId(), attempt: 1, amount: 2400, currency: "HKD", payType: WECHAT_QR });
    h.sandbox.control.pay(stranger.out_trade_no);

    const messages = (await todaysDifferences()).map((difference) => difference.message);
    expect(messages).toContainEqual(
      expect.stringMatching(new RegExp(`ledger has payment ${escape(ghost.out_trade_no)} \\(2200\\) as done on .*does not list it`)),
    );
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`lists payment ${escape(other.out_trade_no)} \\(2300\\); the ledger has 2299`)));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`lists payment ${escape(stranger.out_trade_no)} \\(2400\\), which is not on the ledger`)));
  });

  it("asks for the day before in the merchant's zone", () => {
    const day = previousDay(new Date("2026-03-01T17:30:00Z"), TXZONE);
    expect(day).toEqual({ date: "2026-03-01", from: new Date("2026-02-28T16:00:00Z"), to: new Date("2026-03-01T16:00:00Z") });
  });

  it("is on for production environments only", () => {
    const base = { appCode: "A", clientKey: "K".repeat(32) };
    expect(servesDailyStatement(parseQfpayOptions({ ...base, environment: "hk-prod" }))).toBe(true);
    expect(servesDailyStatement(parseQfpayOptions({ ...base, environment: { region: "hk", mode: "production" } }))).toBe(true);
    expect(servesDailyStatement(parseQfpayOptions({ ...base, environment: "sandbox" }))).toBe(false);
    expect(servesDailyStatement(parseQfpayOptions({ ...base, baseUrl: "http://127.0.0.1:9100" }))).toBe(false);
  });
  it("runs once a day in the reconciliation: each difference of yesterday is an event for admins, not doubled by a second look", async () => {
    const fresh = await startProviderHarness();
    try {
      const yesterday = previousDay(new Date(), fresh.runtime.options.txzone);
      const paid = await openOrder(fresh, 2500);
      await fresh.ledger.update(paid.out_trade_no, { state: "paid", confirmed_at: new Date(yesterday.from.getTime() + 12 * 3_600_000), resolution: "order" });
      // Each reconciler is a fresh instance, as after a restart or on another instance.
      const reconciler = () =>
        new Reconciler({
          merchant: fresh.runtime.merchant,
          payments: fresh.runtime.payments,
          calls: fresh.runtime.reconcileCalls,
          dailyStatement: true,
          options: fresh.runtime.options,
          lease: SOLE_INSTANCE_LEASE,
        });
      const medusa = new FakeStoreOrders();
      expect((await reconciler().sweep(medusa)).statementDifferences).toBe(1);
      await reconciler().sweep(medusa);
      const events = fresh.ledger.events.filter((event) => event.kind === "statement_difference");
      expect(events.map((event) => [event.session_id, event.out_trade_no])).toEqual([[paid.session_id, paid.out_trade_no]]);
      expect(events[0]!.message).toMatch(new RegExp(`as done on ${yesterday.date}; QFPay's statement does not list it`));
    } finally {
      await fresh.close();
    }
  });
});

function escape(text: string): string {
  return text.replace(/[|()\\[\]]/g, (char) => `\\${char}`);
}
