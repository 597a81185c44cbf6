import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createPayment, paidPayment, PLAIN_MERCHANT, startTestSandbox, txdtm, uniqueNo } from "../test-support.js";
import type { Sandbox } from "../types.js";

/** The sandbox's clock, moved by the tests. */
let now = new Date("2026-03-10T04:00:00Z");
let sandbox: Sandbox;
beforeAll(async () => {
  // The clock stands still between moves, so all calls of this file fall in one second: no rate limit here.
  sandbox = await startTestSandbox({ clock: () => now, rateLimit: false });
});
afterAll(() => sandbox.close());

const MINUTE = 60_000;
const records = (result: Awaited<ReturnType<typeof call>>) => result.body.data as Array<Record<string, string>>;

describe("query", () => {
  it("shows an unpaid order as 1143 and a paid one as 0000, with the documented record fields", async () => {
    const { syssn } = await createPayment(sandbox);
    const pending = await call(sandbox, "/trade/v1/query", { syssn });
    expect(pending.body).toMatchObject({ respcd: "0000", page: "1", page_size: "10" });
    expect(records(pending)).toHaveLength(1);
    expect(records(pending)[0]).toMatchObject({ syssn, respcd: "1143", order_type: "payment", cancel: "0", txamt: "1000" });
    sandbox.control.pay(syssn);
    const paid = records(await call(sandbox, "/trade/v1/query", { syssn }))[0]!;
    expect(paid).toMatchObject({ respcd: "0000", errmsg: "success" });
    expect(paid.paydtm).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(Object.keys(paid)).toEqual([
      "cardtp",
      "cancel",
      "pay_type",
      "order_type",
      "clisn",
      "txdtm",
      "goods_detail",
      "out_trade_no",
      "syssn",
      "sysdtm",
      "paydtm",
      "goods_name",
      "txcurrcd",
      "chnlsn2",
      "udid",
      "userid",
      "txamt",
      "chnlsn",
      "respcd",
      "goods_info",
      "errmsg",
    ]);
  });

  it("by out_trade_no returns the payment and its refunds (with origssn), newest first", async () => {
    const { syssn, outTradeNo } = await paidPayment(sandbox);
    const refundNo = uniqueNo("R");
    await call(sandbox, "/trade/v1/refund", { syssn, out_trade_no: refundNo, txamt: "300", txdtm: txdtm() });
    const result = await call(sandbox, "/trade/v1/query", { out_trade_no: `${outTradeNo},${refundNo}` });
    expect(records(result).map((record) => record.order_type)).toEqual(["refund", "payment"]);
    expect(records(result)[0]).toMatchObject({ origssn: syssn, txamt: "300", respcd: "0000" });
    expect(records(result)[1]).toMatchObject({ cancel: "5" });
  });

  it("lists several syssns, filters by pay_type and respcd, and pages", async () => {
    const a = await paidPayment(sandbox, { pay_type: "800101" });
    const b = await createPayment(sandbox, { pay_type: "800201" });
    const c = await paidPayment(sandbox, { pay_type: "800201" });
    const syssn = [a.syssn, b.syssn, c.syssn].join(",");
    expect(records(await call(sandbox, "/trade/v1/query", { syssn, pay_type: "800201" })).map((r) => r.syssn)).toEqual([c.syssn, b.syssn]);
    expect(records(await call(sandbox, "/trade/v1/query", { syssn, respcd: "0000" })).map((r) => r.syssn)).toEqual([c.syssn, a.syssn]);
    const page2 = await call(sandbox, "/trade/v1/query", { syssn, page: "2", page_size: "2" });
    expect(page2.body).toMatchObject({ page: "2", page_size: "2" });
    expect(records(page2).map((r) => r.syssn)).toEqual([a.syssn]);
  });

  it("answers a batch of 100 syssns, or of 100 long out_trade_nos, or both lists together, on one page of 100", async () => {
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => createPayment(sandbox, { out_trade_no: `${uniqueNo("B")}_${String(i).padStart(3, "0")}`.padEnd(120, "x") })),
    );
    const syssns = created.map((payment) => payment.syssn);
    const numbers = created.map((payment) => payment.outTradeNo);
    // Sent at once, so handled in any order; syssns grow with each new record.
    const newestFirst = (list: string[]) => [...list].sort().reverse();
    const bySyssn = await call(sandbox, "/trade/v1/query", { syssn: syssns.join(","), page_size: "100" });
    expect(records(bySyssn).map((r) => r.syssn)).toEqual(newestFirst(syssns));
    const byNumber = await call(sandbox, "/trade/v1/query", { out_trade_no: numbers.join(","), page_size: "100" });
    expect(records(byNumber).map((r) => r.syssn)).toEqual(newestFirst(syssns));
    const both = await call(sandbox, "/trade/v1/query", { syssn: syssns.join(","), out_trade_no: numbers.slice(0, 50).join(","), page_size: "100" });
    expect(records(both).map((r) => r.syssn)).toEqual(newestFirst(syssns.slice(0, 50))); // both lists must match
    const page2 = await call(sandbox, "/trade/v1/query", { syssn: syssns.join(","), page: "2", page_size: "30" });
    expect(records(page2).map((r) => r.syssn)).toEqual(newestFirst(syssns).slice(30, 60));
    const tooLong = await call(sandbox, "/trade/v1/query", { out_trade_no: `${numbers[0]},${"x".repeat(129)}` });
    expect(tooLong.body.respcd).toBe("1104");
  });

  it("answers an unknown syssn with an empty list", async () => {
    const result = await call(sandbox, "/trade/v1/query", { syssn: "20000101000200000000000000" });
    expect(result.body.respcd).toBe("0000");
    expect(records(result)).toEqual([]);
  });

  it("filters by start_time/end_time within one calendar month, and refuses a range across months (1104)", async () => {
    const { syssn } = await createPayment(sandbox);
    const inMarch = await call(sandbox, "/trade/v1/query", { start_time: "2026-03-01 00:00:00", end_time: "2026-03-31 23:59:59" });
    expect(records(inMarch).map((r) => r.syssn)).toContain(syssn);
    const early = await call(sandbox, "/trade/v1/query", { start_time: "2026-03-01 00:00:00", end_time: "2026-03-02 00:00:00" });
    expect(records(early).map((r) => r.syssn)).not.toContain(syssn);
    const across = await call(sandbox, "/trade/v1/query", { start_time: "2026-02-20 00:00:00", end_time: "2026-03-05 00:00:00" });
    expect(across.body.respcd).toBe("1104");
  });

  it.each([
    ["page_size", "101"],
    ["page", "0"],
    ["start_time", "yesterday"],
  ])("refuses %s=%s with 1104", async (name, value) => {
    expect((await call(sandbox, "/trade/v1/query", { [name]: value })).body.respcd).toBe("1104");
  });

  it("shows an order as 1181 once its expired_time has passed on the sandbox clock, and it cannot be paid any more", async () => {
    const { syssn } = await createPayment(sandbox, { expired_time: "5" });
    now = new Date(now.getTime() + 4 * MINUTE);
    expect(records(await call(sandbox, "/trade/v1/query", { syssn }))[0]?.respcd).toBe("1143");
    now = new Date(now.getTime() + 1 * MINUTE);
    expect(records(await call(sandbox, "/trade/v1/query", { syssn }))[0]?.respcd).toBe("1181");
    expect(() => sandbox.control.pay(syssn)).toThrow(/expired/);
  });

  it("expires an order after 30 minutes by default", async () => {
    const { syssn } = await createPayment(sandbox);
    now = new Date(now.getTime() + 29 * MINUTE);
    expect(records(await call(sandbox, "/trade/v1/query", { syssn }))[0]?.respcd).toBe("1143");
    now = new Date(now.getTime() + 1 * MINUTE);
    expect(records(await call(sandbox, "/trade/v1/query", { syssn }))[0]?.respcd).toBe("1181");
  });

  it("does not show another merchant's records", async () => {
    const { syssn } = await createPayment(sandbox);
    const result = await call(sandbox, "/trade/v1/query", { syssn }, { merchant: PLAIN_MERCHANT });
    expect(records(result)).toEqual([]);
  });
});
