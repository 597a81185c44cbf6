import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createPayment, paymentParams, PLAIN_MERCHANT, startTestSandbox, uniqueNo } from "../test-support.js";
import type { Sandbox } from "../types.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const entryOf = (syssn: string) => sandbox.ledger().find((entry) => entry.syssn === syssn);

describe("payment: what each mode answers", () => {
  it("MPM: 0000 with a qrcode that is the sandbox's wallet page for the order, which waits for the payer", async () => {
    const { result, syssn } = await createPayment(sandbox, { pay_type: "800201", txamt: "1234" });
    expect(result.body).toMatchObject({ respcd: "0000", pay_type: "800201", txamt: "1234", txcurrcd: "HKD" });
    expect(result.body.qrcode).toBe(`${sandbox.url}/wallet/qr/${syssn}`);
    expect(syssn).toMatch(/^\d{26}$/);
    expect(result.raw.startsWith('{"qrcode": "')).toBe(true);
    expect(entryOf(syssn)).toMatchObject({ state: "pending", respcd: "1143" });
  });

  it.each(["801114", "801112", "801512"])("web/WAP %s: 0000 with a pay_url to the sandbox's web page", async (payType) => {
    const { result, syssn } = await createPayment(sandbox, { pay_type: payType, return_url: "https://shop.example/back" });
    expect(result.body.pay_url).toBe(`${sandbox.url}/wallet/web/${syssn}`);
    expect(result.body.qrcode).toBeUndefined();
  });

  it("CPM: paid at once with the auth_code, and an auth_code works only once (1202)", async () => {
    const authCode = `28${Date.now()}`;
    const { result, syssn } = await createPayment(sandbox, { pay_type: "800208", auth_code: authCode });
    expect(result.body.respcd).toBe("0000");
    expect(entryOf(syssn)?.state).toBe("succeeded");
    const again = await createPayment(sandbox, { pay_type: "800208", auth_code: authCode });
    expect(again.result.body.respcd).toBe("1202");
  });

  it("CPM without auth_code is a parameter error", async () => {
    expect((await createPayment(sandbox, { pay_type: "800108" })).result.body.respcd).toBe("1104");
  });

  it("JSAPI and mini-program: pay_params for the WeChat bridge; they need sub_openid", async () => {
    const { result } = await createPayment(sandbox, { pay_type: "800207", sub_openid: "oUser" });
    expect(result.body.pay_params).toMatchObject({ signType: "MD5", package: expect.stringMatching(/^prepay_id=/) });
    expect(Object.keys(result.body.pay_params as object)).toEqual(["appId", "timeStamp", "nonceStr", "package", "signType", "paySign"]);
    expect((await createPayment(sandbox, { pay_type: "800213" })).result.body.respcd).toBe("1104");
  });

  it("in-app: WeChat and Alipay pay_params differ as in the reference", async () => {
    const wechat = await createPayment(sandbox, { pay_type: "800210" });
    expect(wechat.result.body.pay_params).toMatchObject({ package: "Sign=WXPay", prepayid: expect.any(String) });
    const alipay = await createPayment(sandbox, { pay_type: "801510", txamt: "1050" });
    expect(alipay.result.body.pay_params).toMatchObject({ service: "mobile.securitypay.pay", total_fee: 10.5, payment_inst: "ALIPAYHK" });
  });
});

describe("payment: refusals", () => {
  it.each([
    ["a non-integer amount", { txamt: "10.5" }],
    ["a negative amount", { txamt: "-10" }],
    ["a zero amount", { txamt: "0" }],
    ["no amount", { txamt: "" }],
    ["an unknown currency", { txcurrcd: "XYZ" }],
    ["a lower-case currency", { txcurrcd: "hkd" }],
    ["an unknown pay_type", { pay_type: "999999" }],
    ["an out_trade_no with forbidden characters", { out_trade_no: "order-1" }],
    ["an out_trade_no of 129 characters", { out_trade_no: "A".repeat(129) }],
    ["a malformed txdtm", { txdtm: "2024/01/01 10:00:00" }],
    ["an impossible txdtm", { txdtm: "2024-02-30 10:00:00" }],
    ["a malformed txzone", { txzone: "+8" }],
    ["expired_time below 5 minutes", { expired_time: "4" }],
    ["expired_time above 120 minutes", { expired_time: "121" }],
    ["expired_time that is not a number", { expired_time: "ten" }],
    ["expired_time on a pay type that does not take it", { pay_type: "802001", expired_time: "10" }],
  ])("answers 1104 to %s and records nothing", async (_name, overrides) => {
    const before = sandbox.ledger().length;
    const { result } = await createPayment(sandbox, overrides);
    expect(result.body.respcd).toBe("1104");
    expect(String(result.body.respmsg)).not.toBe("");
    expect(sandbox.ledger().length).toBe(before);
  });

  it("accepts expired_time at both ends of 5–120 where the pay type allows it", async () => {
    expect((await createPayment(sandbox, { expired_time: "5" })).result.body.respcd).toBe("0000");
    expect((await createPayment(sandbox, { expired_time: "120" })).result.body.respcd).toBe("0000");
  });

  it("declines amounts above about 10,000 USD with 1297, keeping a failed record and its syssn", async () => {
    const over = await createPayment(sandbox, { txamt: "8000000", txcurrcd: "HKD" }); // HKD 80,000 ≈ USD 10,256
    expect(over.result.body.respcd).toBe("1297");
    expect(entryOf(over.syssn)).toMatchObject({ state: "failed", respcd: "1297" });
    const under = await createPayment(sandbox, { txamt: "7700000", txcurrcd: "HKD" }); // ≈ USD 9,872
    expect(under.result.body.respcd).toBe("0000");
    expect((await createPayment(sandbox, { txamt: "1600000", txcurrcd: "JPY" })).result.body.respcd).toBe("1297");
  });

  it("out_trade_no is unique per merchant: 1102 for a second payment, 2011 when a refund took it", async () => {
    const outTradeNo = uniqueNo("U");
    expect((await createPayment(sandbox, { out_trade_no: outTradeNo })).result.body.respcd).toBe("0000");
    const before = sandbox.ledger().length;
    expect((await createPayment(sandbox, { out_trade_no: outTradeNo })).result.body.respcd).toBe("1102");
    expect(sandbox.ledger().length).toBe(before);

    const paid = await createPayment(sandbox, { pay_type: "800208", auth_code: `13${Date.now()}` });
    const refundNo = uniqueNo("R");
    const refund = await call(sandbox, "/trade/v1/refund", { syssn: paid.syssn, out_trade_no: refundNo, txamt: "1", txdtm: "2024-01-01 10:00:00" });
    expect(refund.body.respcd).toBe("0000");
    expect((await createPayment(sandbox, { out_trade_no: refundNo })).result.body.respcd).toBe("2011");
  });

  it("another merchant may use the same out_trade_no", async () => {
    const outTradeNo = uniqueNo("S");
    expect((await createPayment(sandbox, { out_trade_no: outTradeNo })).result.body.respcd).toBe("0000");
    const other = await call(sandbox, "/trade/v1/payment", paymentParams({ out_trade_no: outTradeNo }), { merchant: PLAIN_MERCHANT });
    expect(other.body.respcd).toBe("0000");
  });
});
