import { MedusaError } from "@medusajs/framework/utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_KEY, newSessionId, startProviderHarness, type ProviderHarness } from "../../test-support/provider-harness";
import type { QfpaySessionData } from "../../qfpay";
import { QfpayProviderService } from "./service";

let h: ProviderHarness;

beforeEach(async () => {
  h = await startProviderHarness({
    refreshCooldownSeconds: 0,
    payTypes: {
      default: "800201",
      byCurrency: { SGD: "802301" },
      allowed: ["800201", "801501", "801512", "801114", "802001", "801808", "801814"],
      storefrontMayChoose: true,
    },
  });
});
afterEach(() => h.close());

/** Starts a session the way Medusa's payment module does: `data.session_id` plus what the storefront sent. */
async function open(
  amount: unknown,
  currency = "hkd",
  extra: Record<string, unknown> = {},
  provider: QfpayProviderService = h.provider,
): Promise<QfpaySessionData> {
  const sessionId = newSessionId();
  const result = await provider.initiatePayment({
    amount: amount as number,
    currency_code: currency,
    data: { session_id: sessionId, ...extra },
    context: { idempotency_key: sessionId },
  });
  const data = result.data as unknown as QfpaySessionData;
  expect(result.id).toBe(data.out_trade_no);
  expect(result.status).toBe("pending");
  return data;
}

function ledgerOf(outTradeNo: string) {
  return h.sandbox.ledger().filter((entry) => entry.outTradeNo === outTradeNo);
}

async function rejection(promise: Promise<unknown>): Promise<MedusaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MedusaError);
  return error as MedusaError;
}

async function paidSession(amount = 100, currency = "hkd", extra: Record<string, unknown> = {}) {
  const data = await open(amount, currency, extra);
  h.sandbox.control.pay(data.out_trade_no);
  const authorized = await h.provider.authorizePayment({ data: data as never });
  return authorized.data as unknown as QfpaySessionData;
}

describe("initiatePayment", () => {
  it("creates an MPM order with a QR code and keeps only what the checkout needs", async () => {
    const data = await open(12.345, "hkd");
    expect(data).toMatchObject({
      attempt: 1,
      pay_type: "800201",
      wallet: "wechat",
      mode: "qr",
      preauth: false,
      amount: 1235,
      currency_code: "hkd",
      state: "pending",
      refunds: [],
    });
    expect(data.qrcode).toMatch(/^https?:\/\//);
    expect(data.out_trade_no).toBe(`${data.session_id}|p|1`);
    expect(data.syssn).toMatch(/^\d+$/);
    expect(Date.parse(data.expires_at!) - Date.parse(data.created_at)).toBe(30 * 60_000);
    expect(JSON.stringify(data)).not.toContain(CLIENT_KEY);
    const [entry] = ledgerOf(data.out_trade_no);
    expect(entry).toMatchObject({ txamt: 1235, txcurrcd: "HKD", payType: "800201", state: "pending" });
  });

  it("takes Medusa's raw BigNumber and zero-decimal currencies exactly", async () => {
    const data = await open({ value: "1999.5", precision: 20 }, "jpy");
    expect(data.amount).toBe(2000);
    expect(ledgerOf(data.out_trade_no)[0]?.txcurrcd).toBe("JPY");
  });

  it("uses the pay type configured for the currency, or the one the storefront may choose", async () => {
    expect((await open(10, "sgd")).pay_type).toBe("802301");
    expect((await open(10, "hkd", { pay_type: "802001" })).wallet).toBe("fps");
  });

  it("refuses a pay type the store does not offer, naming the allowed ones", async () => {
    const error = await rejection(open(10, "hkd", { pay_type: "800008" }));
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA);
    expect(error.message).toMatch(/800008.*not offered.*800201/);
  });

  it("creates web/WAP orders (and the online pre-authorization) as a redirect with the storefront's return_url", async () => {
    const returnUrl = "https://shop.example/checkout/return";
    for (const [payType, preauth] of [
      ["801512", false],
      ["801114", false],
      ["801814", true],
    ] as const) {
      const data = await open(50, "hkd", { pay_type: payType, return_url: returnUrl });
      expect(data).toMatchObject({ mode: "redirect", preauth });
      expect(data.pay_url).toMatch(/^https?:\/\//);
      expect(data.qrcode).toBeUndefined();
      expect(ledgerOf(data.out_trade_no)[0]?.returnUrl).toBe(returnUrl);
    }
  });

  it("refuses a return_url that is not an http(s) URL or not on the store's origins", async () => {
    expect((await rejection(open(50, "hkd", { pay_type: "801512", return_url: "javascript:alert(1)" }))).message).toMatch(/http\(s\)/);
    const strict = h.providerWith({ returnUrlOrigins: ["https://shop.example"] });
    const error = await rejection(open(50, "hkd", { pay_type: "801114", return_url: "https://evil.example/x" }, strict));
    expect(error.message).toMatch(/origins: https:\/\/shop.example/);
  });

  it("refuses amounts and currencies QFPay cannot take", async () => {
    expect((await rejection(open(-1, "hkd"))).message).toMatch(/negative/);
    expect((await rejection(open(10, "gbp"))).message).toMatch(/GBP.*not supported/i);
  });

  it("passes QFPay's refusal on as an error with the return code's meaning", async () => {
    h.sandbox.control.faults.set({ forceRespcd: { respcd: "1297", endpoint: "payment" } });
    const error = await rejection(open(10, "hkd"));
    expect(error.message).toMatch(/1297/);
    expect(error.message).not.toContain(CLIENT_KEY);
  });
});

describe("authorizePayment, getPaymentStatus, retrievePayment", () => {
  it("report pending until the shopper pays, then captured for an auto-capture wallet", async () => {
    const data = await open(88, "hkd");
    expect((await h.provider.authorizePayment({ data: data as never })).status).toBe("pending");
    expect((await h.provider.getPaymentStatus({ data: data as never })).status).toBe("pending");
    h.sandbox.control.pay(data.out_trade_no);
    const status = await h.provider.getPaymentStatus({ data: data as never });
    expect(status.status).toBe("captured");
    const authorized = await h.provider.authorizePayment({ data: data as never });
    expect(authorized.status).toBe("captured");
    expect(authorized.data).toMatchObject({ state: "paid", syssn: data.syssn });
    expect((await h.provider.retrievePayment({ data: data as never })).data).toMatchObject({ state: "paid" });
  });

  it("keeps a payment QFPay holds with 1143 pending, then captured once it goes through", async () => {
    const data = await open(77, "hkd");
    h.sandbox.control.hold(data.out_trade_no);
    const held = await h.provider.authorizePayment({ data: data as never });
    expect(held.status).toBe("pending");
    expect(held.data).toMatchObject({ state: "processing" });
    expect(held.data!.processing_since).toBeTypeOf("string");
    h.sandbox.control.pay(data.out_trade_no);
    expect((await h.provider.authorizePayment({ data: held.data! })).status).toBe("captured");
  });

  it("cancels an order still in progress longer than allowed after the shopper started paying", async () => {
    const quick = h.providerWith({ inProgressTimeoutSeconds: 1 });
    const data = await open(66, "hkd", {}, quick);
    h.sandbox.control.hold(data.out_trade_no, 60_000);
    const first = await quick.authorizePayment({ data: data as never });
    expect(first.status).toBe("pending");
    h.clock.advance(1100);
    const second = await quick.authorizePayment({ data: first.data! });
    expect(second.status).toBe("canceled");
    expect(second.data).toMatchObject({ state: "canceled" });
    expect(second.data!.state_message).toMatch(/did not confirm/);
    expect(ledgerOf(data.out_trade_no).find((entry) => entry.kind === "payment")?.state).toBe("closed");
  });

  it("reports an expired code as canceled and a declined payment as error", async () => {
    const expiring = await open(20, "hkd");
    h.sandbox.control.expire(expiring.out_trade_no);
    const expired = await h.provider.authorizePayment({ data: expiring as never });
    expect(expired).toMatchObject({ status: "canceled", data: { state: "expired" } });

    const declining = await open(20, "hkd");
    h.sandbox.control.fail(declining.out_trade_no, "1201");
    const declined = await h.provider.authorizePayment({ data: declining as never });
    expect(declined).toMatchObject({ status: "error", data: { state: "failed" } });
    expect(declined.data!.state_message).toMatch(/Insufficient balance.*1201/);
  });

  it("refuses data that is not a QFPay order with a typed error", async () => {
    const error = await rejection(h.provider.authorizePayment({ data: { foo: "bar" } }));
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA);
    expect(error.message).toMatch(/not a QFPay order/);
  });
});

describe("capturePayment", () => {
  it("is a no-op for auto-captured wallets", async () => {
    const paid = await paidSession(30);
    const captured = await h.provider.capturePayment({ data: paid as never });
    expect(captured.data).toEqual(paid);
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "deduct" && entry.origSyssn === paid.syssn)).toHaveLength(0);
  });
});

describe("Alipay pre-authorization", () => {
  it("freeze → authorized → authtrade once → refunds against the authtrade", async () => {
    const data = await open(200, "hkd", { pay_type: "801808" });
    expect(data).toMatchObject({ preauth: true, mode: "qr", wallet: "alipay" });
    expect(Date.parse(data.expires_at!) - Date.parse(data.created_at)).toBe(15 * 60_000);
    h.sandbox.control.pay(data.out_trade_no);
    const authorized = await h.provider.authorizePayment({ data: data as never });
    expect(authorized).toMatchObject({ status: "authorized", data: { state: "frozen" } });

    const captured = (await h.provider.capturePayment({ data: authorized.data! })).data as unknown as QfpaySessionData;
    expect(captured.state).toBe("paid");
    expect(captured.capture).toMatchObject({ amount: 20000, out_trade_no: `${data.session_id}|c|1` });
    const again = (await h.provider.capturePayment({ data: captured as never })).data;
    expect(again).toEqual(captured);
    // A retried capture whose first answer was lost: the deduction is found, not made twice.
    await h.provider.capturePayment({ data: authorized.data! });
    const deducts = h.sandbox.ledger().filter((entry) => entry.kind === "deduct" && entry.origSyssn === data.syssn);
    expect(deducts).toHaveLength(1);
    expect(deducts[0]).toMatchObject({ syssn: captured.capture!.syssn, txamt: 20000 });

    const refunded = (await h.provider.refundPayment({ data: captured as never, amount: 50 })).data as unknown as QfpaySessionData;
    expect(refunded.refunds[0]).toMatchObject({ amount: 5000, orig_syssn: captured.capture!.syssn, status: "succeeded" });
    expect(h.sandbox.ledger().find((entry) => entry.outTradeNo === refunded.refunds[0]!.out_trade_no)?.origSyssn).toBe(captured.capture!.syssn);
  });

  it("freeze → cancel unfreezes through reversal, and cancelling again changes nothing", async () => {
    const data = await open(150, "hkd", { pay_type: "801808" });
    h.sandbox.control.pay(data.out_trade_no);
    const frozen = (await h.provider.authorizePayment({ data: data as never })).data!;
    const canceled = (await h.provider.cancelPayment({ data: frozen })).data as unknown as QfpaySessionData;
    expect(canceled).toMatchObject({ state: "canceled" });
    expect(canceled.state_message).toMatch(/unfrozen/);
    const unfreezes = h.sandbox.ledger().filter((entry) => entry.kind === "unfreeze" && entry.origSyssn === data.syssn);
    expect(unfreezes).toHaveLength(1);
    await h.provider.cancelPayment({ data: canceled as never });
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "unfreeze" && entry.origSyssn === data.syssn)).toHaveLength(1);
    expect((await rejection(h.provider.capturePayment({ data: canceled as never }))).message).toMatch(/canceled, not frozen/);
  });

  it("captures what the ledger says QFPay froze, whatever a changed session.data claims", async () => {
    const data = await open(10, "hkd", { pay_type: "801808" });
    h.sandbox.control.pay(data.out_trade_no);
    const frozen = (await h.provider.authorizePayment({ data: data as never })).data!;
    const captured = (await h.provider.capturePayment({ data: { ...frozen, amount: 999999 } as never })).data as unknown as QfpaySessionData;
    expect(captured.capture?.amount).toBe(1000);
    const deducts = h.sandbox.ledger().filter((entry) => entry.kind === "deduct" && entry.origSyssn === data.syssn);
    expect(deducts.map((entry) => entry.txamt)).toEqual([1000]);
    expect(h.ledger.records.get(`${data.session_id}|c|1`)).toMatchObject({ kind: "capture", state: "succeeded", amount: 1000 });
  });
});

describe("refundPayment", () => {
  it("refunds partially and repeatedly with a new out_trade_no each time, up to the paid amount", async () => {
    const paid = await paidSession(100);
    const first = (
      await h.provider.refundPayment({ data: paid as never, amount: { value: "30.5", precision: 20 } as never, context: { idempotency_key: "ref_1" } })
    ).data as unknown as QfpaySessionData;
    const second = (await h.provider.refundPayment({ data: first as never, amount: 20, context: { idempotency_key: "ref_2" } }))
      .data as unknown as QfpaySessionData;
    expect(second.refunds.map((refund) => [refund.out_trade_no, refund.amount, refund.status])).toEqual([
      [`${paid.session_id}|r1|1`, 3050, "succeeded"],
      [`${paid.session_id}|r2|1`, 2000, "succeeded"],
    ]);
    const error = await rejection(h.provider.refundPayment({ data: second as never, amount: 60 }));
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED);
    expect(error.message).toMatch(/only 49.5 HKD is left/);
    const refunds = h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn);
    expect(refunds.map((entry) => entry.txamt).sort()).toEqual([2000, 3050]);
  });

  it("does not refund twice when Medusa repeats a refund with the same idempotency key", async () => {
    const paid = await paidSession(40);
    const once = (await h.provider.refundPayment({ data: paid as never, amount: 10, context: { idempotency_key: "ref_same" } })).data!;
    const twice = (await h.provider.refundPayment({ data: once, amount: 10, context: { idempotency_key: "ref_same" } })).data!;
    expect(twice).toEqual(once);
    expect(h.sandbox.ledger().filter((entry) => entry.kind === "refund" && entry.origSyssn === paid.syssn)).toHaveLength(1);
  });

  it("follows a refund QFPay answers with 1143 until it is final", async () => {
    const paid = await paidSession(40);
    h.sandbox.control.faults.set({ forceRespcd: { respcd: "1143", endpoint: "refund" } });
    // QFPay finishes the refund just before the provider asks about it.
    h.sandbox.control.hooks.arm({ endpoint: "query", id: `${paid.session_id}|r1|1`, action: "pay", when: "before" });
    const refunded = (await h.provider.refundPayment({ data: paid as never, amount: 15 })).data as unknown as QfpaySessionData;
    expect(refunded.refunds[0]).toMatchObject({ status: "succeeded", amount: 1500 });
    expect(refunded.refunds[0]!.syssn).toMatch(/^\d+$/);
  });

  it.each([
    ["1265", /between 23:30 and 00:30/],
    ["1269", /unsettled takings/],
    ["1270", /currency does not allow partial refunds/],
    ["1271", /does not allow partial refunds/],
    ["1272", /more than QFPay still holds/],
  ])("turns QFPay's refusal %s into words an admin can act on", async (respcd, words) => {
    const paid = await paidSession(25);
    h.sandbox.control.faults.set({ forceRespcd: { respcd, endpoint: "refund" } });
    const error = await rejection(h.provider.refundPayment({ data: paid as never, amount: 5 }));
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED);
    expect(error.message).toMatch(words);
    expect(error.message).toContain(`QFPay ${respcd}`);
  });

  it("refuses to refund a payment that was never paid", async () => {
    const data = await open(25);
    expect((await rejection(h.provider.refundPayment({ data: data as never, amount: 5 }))).message).toMatch(/nothing to refund/);
  });
});

describe("cancelPayment and deletePayment", () => {
  it("closes an unpaid WeChat order and reverses an unpaid Alipay one; repeating changes nothing", async () => {
    const wechat = await open(10, "hkd");
    const closed = (await h.provider.cancelPayment({ data: wechat as never })).data!;
    expect(closed).toMatchObject({ state: "canceled" });
    expect(ledgerOf(wechat.out_trade_no).find((entry) => entry.kind === "payment")).toMatchObject({ state: "closed", cancel: "2" });
    await h.provider.cancelPayment({ data: closed });
    expect(ledgerOf(wechat.out_trade_no).filter((entry) => entry.kind === "close")).toHaveLength(1);

    const alipay = await open(10, "hkd", { pay_type: "801501" });
    await h.provider.deletePayment({ data: alipay as never });
    expect(ledgerOf(alipay.out_trade_no).find((entry) => entry.kind === "payment")).toMatchObject({ state: "closed", cancel: "1" });
  });

  it("refuses to cancel a paid payment: refund instead", async () => {
    const paid = await paidSession(10);
    const error = await rejection(h.provider.cancelPayment({ data: paid as never }));
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED);
    expect(error.message).toMatch(/already paid.*refund/);
  });

  it("lets Medusa drop a paid session (a new one replaces it) and keeps the money on record for the reconciliation", async () => {
    const paid = await paidSession(10);
    expect((await h.provider.deletePayment({ data: paid as never })).data).toMatchObject({ out_trade_no: paid.out_trade_no, state: "paid" });
    expect(ledgerOf(paid.out_trade_no).map((entry) => [entry.kind, entry.state])).toEqual([["payment", "succeeded"]]);
  });

  it("deletes a session whose order was never created without calling QFPay", async () => {
    expect((await h.provider.deletePayment({ data: { session_id: "payses_X" } })).data).toEqual({ session_id: "payses_X" });
  });
});

describe("WeChat Pay inside WeChat, Japan's rules, and orders QFPay cannot cancel", () => {
  it("opens an 800207 order with the shopper's openid and keeps WeChat's payment parameters for the sheet", async () => {
    const jsapi = h.providerWith({ payTypes: { default: "800207", byCurrency: {}, storefrontMayChoose: false } });
    const data = await open(21, "hkd", { sub_openid: "oWECHAT_SHOPPER_1" }, jsapi);
    expect(data).toMatchObject({ mode: "jsapi", pay_type: "800207", sub_openid: "oWECHAT_SHOPPER_1" });
    expect(data.pay_params).toMatchObject({ appId: expect.any(String), paySign: expect.any(String), package: expect.stringContaining("prepay_id") });
    expect(data.qrcode).toBeUndefined();
    const error = await rejection(open(21, "hkd", {}, jsapi));
    expect(error.message).toMatch(/needs the shopper's openid \(data.sub_openid\)/);
  });

  it("checks a Japanese merchant's goods_name before QFPay is asked, naming the rule", async () => {
    const japan = h.providerWith({ environment: undefined, baseUrl: h.sandbox.url, goodsNameTemplate: "Order {reference}" } as never);
    // JPY orders follow Japan's rules (at most 20 characters): a session id does not fit.
    const error = await rejection(open(500, "jpy", {}, japan));
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA);
    expect(error.message).toMatch(/goods_name must be at most 20 characters .*QFPay's rules for Japan/);
  });

  it("lets an order QFPay cannot cancel (1297) expire, recorded as cancelled and asked about again after its expiry", async () => {
    const data = await open(22, "hkd");
    h.sandbox.control.faults.set({ forceRespcd: { respcd: "1297", endpoint: "close" } });
    const canceled = (await h.provider.cancelPayment({ data: data as never })).data as unknown as QfpaySessionData;
    expect(canceled).toMatchObject({ state: "canceled", state_message: expect.stringMatching(/cannot cancel this order; it expires by itself/) });
    const record = h.ledger.records.get(data.out_trade_no)!;
    expect(record.state).toBe("canceled");
    expect(record.next_check_at).not.toBeNull();
  });
});

describe("updatePayment", () => {
  it("changes nothing when amount and currency are unchanged", async () => {
    const data = await open(45.5, "hkd");
    const result = await h.provider.updatePayment({ data: data as never, amount: 45.5, currency_code: "hkd" });
    expect(result.data).toEqual(data);
    expect(ledgerOf(data.out_trade_no)).toHaveLength(1);
  });

  it("opens a new order with a new number when the amount changed, closing the old one", async () => {
    const data = await open(45.5, "hkd");
    const result = await h.provider.updatePayment({ data: data as never, amount: 50, currency_code: "hkd" });
    const next = result.data as unknown as QfpaySessionData;
    expect(result.status).toBe("pending");
    expect(next).toMatchObject({ attempt: 2, amount: 5000, out_trade_no: `${data.session_id}|p|2`, state: "pending" });
    expect(ledgerOf(data.out_trade_no).find((entry) => entry.kind === "payment")?.state).toBe("closed");
    expect(ledgerOf(next.out_trade_no)[0]).toMatchObject({ txamt: 5000, state: "pending" });
  });

  it("issues a new code on request and refuses once paid", async () => {
    const data = await open(12, "hkd");
    const refreshed = (await h.provider.updatePayment({ data: { ...data, refresh: true } as never, amount: 12, currency_code: "hkd" })).data!;
    expect(refreshed).toMatchObject({ attempt: 2, out_trade_no: `${data.session_id}|p|2` });
    expect(refreshed).not.toHaveProperty("refresh");
    h.sandbox.control.pay(String(refreshed.out_trade_no));
    const error = await rejection(h.provider.updatePayment({ data: { ...refreshed, refresh: true } as never, amount: 12, currency_code: "hkd" }));
    expect(error.message).toMatch(/already paid/);
  });

  it("keeps the paid order when it is paid while the close is on its way, and opens no new code", async () => {
    const data = await open(13, "hkd");
    h.sandbox.control.hooks.arm({ endpoint: "close", id: data.out_trade_no, action: "pay", when: "before" });
    const error = await rejection(h.provider.updatePayment({ data: { ...data, refresh: true } as never, amount: 13, currency_code: "hkd" }));
    expect(error.message).toMatch(/already paid/);
    expect(error.code).toBe("already_paid");
    expect(h.sandbox.ledger().filter((entry) => entry.outTradeNo === `${data.session_id}|p|2`)).toHaveLength(0);
    expect(h.ledger.records.get(data.out_trade_no)).toMatchObject({ state: "paid", superseded: false });
    expect(h.ledger.records.has(`${data.session_id}|p|2`)).toBe(false);
    const authorized = await h.provider.authorizePayment({ data: data as never });
    expect(authorized.status).toBe("captured");
  });

  it("refuses a shopper's new code within the cooldown, and after the most codes a session may have", async () => {
    const strict = h.providerWith({ refreshCooldownSeconds: 60, maxAttemptsPerSession: 2 });
    const data = await open(14, "hkd", {}, strict);
    const tooSoon = await rejection(strict.updatePayment({ data: { ...data, refresh: true } as never, amount: 14, currency_code: "hkd" }));
    expect(tooSoon.code).toBe("too_soon");
    expect(tooSoon.message).toMatch(/A new code can be asked for \d+ s from now/);
    const relaxed = h.providerWith({ refreshCooldownSeconds: 0, maxAttemptsPerSession: 2 });
    const first = await open(15, "hkd", {}, relaxed);
    const second = (await relaxed.updatePayment({ data: { ...first, refresh: true } as never, amount: 15, currency_code: "hkd" })).data!;
    const tooMany = await rejection(relaxed.updatePayment({ data: { ...second, refresh: true } as never, amount: 15, currency_code: "hkd" }));
    expect(tooMany.message).toMatch(/the most allowed/);
  });
});

describe("getWebhookActionAndData", () => {
  async function paidWithNotification(amount = 35) {
    const data = await open(amount, "hkd");
    h.sandbox.control.pay(data.out_trade_no);
    const notification = await h.inbox.waitFor(data.out_trade_no.replace(/\|/g, "|"));
    return { data, notification };
  }

  it("maps a verified payment notification to captured with the session's amount", async () => {
    const { data, notification } = await paidWithNotification(35);
    const result = await h.provider.getWebhookActionAndData({
      data: JSON.parse(notification.body),
      rawData: Buffer.from(notification.body),
      headers: { "x-qf-sign": notification.signature },
    });
    // The amount QFPay took, from the ledger (major units, exact).
    expect(result).toEqual({ action: "captured", data: { session_id: data.session_id, amount: "35" } });
  });

  it("maps a pre-authorization freeze to authorized", async () => {
    const data = await open(60, "hkd", { pay_type: "801808" });
    h.sandbox.control.pay(data.out_trade_no);
    const notification = await h.inbox.waitFor(data.out_trade_no);
    const result = await h.provider.getWebhookActionAndData({ data: {}, rawData: notification.body, headers: { "X-QF-SIGN": notification.signature } });
    expect(result.action).toBe("authorized");
  });

  it("changes nothing for a forged signature or a body changed after signing", async () => {
    const { notification } = await paidWithNotification(36);
    const forged = await h.provider.getWebhookActionAndData({ data: {}, rawData: notification.body, headers: { "x-qf-sign": "0".repeat(32) } });
    expect(forged).toEqual({ action: "not_supported" });
    const tampered = notification.body.replace('"txamt": "3600"', '"txamt": "1"');
    expect(tampered).not.toBe(notification.body);
    expect(await h.provider.getWebhookActionAndData({ data: {}, rawData: tampered, headers: { "x-qf-sign": notification.signature } })).toEqual({
      action: "not_supported",
    });
    expect(h.logger.text()).not.toContain(CLIENT_KEY);
  });

  it("changes nothing when the notification does not match the recorded order's amount", async () => {
    const { data, notification } = await paidWithNotification(37);
    const record = h.ledger.records.get(data.out_trade_no)!;
    h.ledger.records.set(data.out_trade_no, { ...record, amount: 9999 });
    const result = await h.provider.getWebhookActionAndData({ data: {}, rawData: notification.body, headers: { "x-qf-sign": notification.signature } });
    expect(result).toEqual({ action: "not_supported" });
    expect(h.logger.text()).toMatch(/amount 3700 differs from the order's 9999/);
    expect(h.ledger.records.get(data.out_trade_no)?.notified_at).toBeNull();
  });
});

describe("validateOptions", () => {
  it("takes no options of its own and points merchant options to the plugin", () => {
    expect(() => QfpayProviderService.validateOptions({})).not.toThrow();
    expect(() => QfpayProviderService.validateOptions({ appCode: "A", clientKey: CLIENT_KEY, environment: "hk-test" })).toThrow(
      /merchant options .* are given to the plugin/,
    );
    expect(() => QfpayProviderService.validateOptions({ colour: "red" })).toThrow(/unknown option\(s\) "colour"/);
    expect(() => QfpayProviderService.validateOptions({ appCode: "A", clientKey: CLIENT_KEY })).not.toThrow(new RegExp(CLIENT_KEY));
  });
});
