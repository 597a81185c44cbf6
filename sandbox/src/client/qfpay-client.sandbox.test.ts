import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  QfpayClient,
  QfpayError,
  QfpayGatewayError,
  QfpayRequestError,
  QfpayTransportError,
  selectPaymentRecord,
  type QfpayClientOptions,
} from "@qfpay-medusa/shared/server";
import { startSandbox, type Sandbox } from "../index.js";

const MERCHANT = { appCode: "APPSANDBOXTEST0001", clientKey: "KEYSANDBOXTEST00000000000000AAAA", mchid: "MchTest01" };
const PLAIN = { appCode: "APPSANDBOXTEST0002", clientKey: "KEYSANDBOXTEST00000000000000BBBB" };
const KEYS = [MERCHANT.clientKey, PLAIN.clientKey];

let sandbox: Sandbox;
let client: QfpayClient;
let counter = 0;
const outTradeNo = (kind = "p") => `sbx${Date.now().toString(36)}|${kind}|${++counter}`;

const clientWith = (options: Partial<QfpayClientOptions> = {}) =>
  new QfpayClient({ appCode: MERCHANT.appCode, clientKey: MERCHANT.clientKey, mchid: MERCHANT.mchid, baseUrl: sandbox.url, retryDelayMs: 0, ...options });

beforeAll(async () => {
  sandbox = await startSandbox({ merchants: [MERCHANT, PLAIN] });
  client = clientWith();
});
afterAll(() => sandbox.close());
afterEach(() => void sandbox.control.faults.clear());

/** Expects `call` to throw a QfpayError whose every rendering is free of client keys. */
async function failure(call: () => Promise<unknown>): Promise<QfpayError> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(QfpayError);
  const text = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`;
  for (const key of KEYS) expect(text).not.toContain(key);
  return error as QfpayError;
}

async function paidOrder(payType = "800201", txamt = 1000) {
  const payment = await client.payment({ txamt, txcurrcd: "HKD", pay_type: payType, out_trade_no: outTradeNo(), goods_name: "测试商品" });
  sandbox.control.pay(payment.syssn);
  return payment;
}

describe("payment and query", () => {
  it("MPM: a QR code, then the paid order found by query", async () => {
    const no = outTradeNo();
    const payment = await client.payment({ txamt: 1234, txcurrcd: "HKD", pay_type: "800201", out_trade_no: no, expired_time: 10 });
    expect(payment).toMatchObject({ respcd: "0000", out_trade_no: no, txamt: 1234 });
    expect(payment.qrcode).toMatch(/^https?:\/\//);

    const before = selectPaymentRecord(await client.query({ out_trade_no: no }));
    expect(before.record?.syssn).toBe(payment.syssn);
    expect(before.outcome).not.toBe("succeeded");

    sandbox.control.pay(no);
    const after = selectPaymentRecord(await client.query({ out_trade_no: no }));
    expect(after).toMatchObject({ outcome: "succeeded", multipleSucceeded: false });
    expect(after.record).toMatchObject({ syssn: payment.syssn, txamt: 1234, txcurrcd: "HKD", order_type: "payment" });
  });

  it("web and WAP: a pay_url to redirect to", async () => {
    for (const pay_type of ["801114", "801512"]) {
      const payment = await client.payment({ txamt: 500, txcurrcd: "HKD", pay_type, out_trade_no: outTradeNo(), return_url: "https://shop.test/back" });
      expect(payment.pay_url, pay_type).toMatch(/^https?:\/\//);
    }
  });

  it("CPM: paid at once with an auth_code; the code cannot be used twice", async () => {
    const payment = await client.payment({ txamt: 300, txcurrcd: "HKD", pay_type: "800208", out_trade_no: outTradeNo(), auth_code: "134857909999988557" });
    expect(payment.respcd).toBe("0000");
    const error = await failure(() =>
      client.payment({ txamt: 300, txcurrcd: "HKD", pay_type: "800208", out_trade_no: outTradeNo(), auth_code: "134857909999988557" }),
    );
    expect(error).toMatchObject({ endpoint: "payment", respcd: "1202", outcome: "failed" });
  });

  it("JSAPI, mini-program and in-app: wallet parameters", async () => {
    const jsapi = await client.payment({
      txamt: 100,
      txcurrcd: "HKD",
      pay_type: "800207",
      out_trade_no: outTradeNo(),
      sub_openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    });
    const app = await client.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800210", out_trade_no: outTradeNo(), goods_name: "App" });
    expect(jsapi.pay_params).toBeDefined();
    expect(app.pay_params).toBeDefined();
  });

  it("1143 comes back as a response, not an error; the query then tells the end", async () => {
    sandbox.control.faults.set({ forceRespcd: { respcd: "1143", endpoint: "payment" } });
    const payment = await client.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() });
    expect(payment.respcd).toBe("1143");
    expect(selectPaymentRecord(await client.query({ syssn: payment.syssn })).outcome).toBe("in_progress");
    sandbox.control.fail(payment.syssn, "1201");
    expect(selectPaymentRecord(await client.query({ syssn: payment.syssn })).record?.respcd).toBe("1201");
  });

  it("a declined payment (1297, above the amount limit) is a failed gateway error", async () => {
    const error = await failure(() => client.payment({ txamt: 99_000_000, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() }));
    expect(error).toBeInstanceOf(QfpayGatewayError);
    expect(error).toMatchObject({ endpoint: "payment", respcd: "1297", outcome: "failed" });
  });

  it("a transient code is retryable; the query retries it away", async () => {
    sandbox.control.faults.set({ forceRespcd: { respcd: "1205", endpoint: "payment" } });
    const error = await failure(() => client.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() }));
    expect(error).toMatchObject({ respcd: "1205", outcome: "retryable" });

    const payment = await paidOrder();
    sandbox.control.faults.set({ forceRespcd: { respcd: "1100", endpoint: "query" } });
    expect(selectPaymentRecord(await client.query({ syssn: payment.syssn })).outcome).toBe("succeeded");
  });

  it("a reused out_trade_no is refused", async () => {
    const payment = await paidOrder();
    const error = await failure(() => client.payment({ txamt: 1000, txcurrcd: "HKD", pay_type: "800201", out_trade_no: payment.out_trade_no }));
    expect(error).toBeInstanceOf(QfpayGatewayError);
    expect(["1102", "2011"]).toContain((error as QfpayGatewayError).respcd);
  });
});

describe("refund", () => {
  it("partial refunds up to the paid amount, then 1272", async () => {
    const payment = await paidOrder("800201", 1000);
    const first = await client.refund({ syssn: payment.syssn, out_trade_no: outTradeNo("r1"), txamt: 400 });
    expect(first).toMatchObject({ respcd: "0000", orig_syssn: payment.syssn, txamt: 400 });
    expect(first.syssn).not.toBe(payment.syssn);
    await client.refund({ syssn: payment.syssn, out_trade_no: outTradeNo("r2"), txamt: 600 });
    const error = await failure(() => client.refund({ syssn: payment.syssn, out_trade_no: outTradeNo("r3"), txamt: 1 }));
    expect(error).toMatchObject({ endpoint: "refund", outcome: "failed" });
    expect(["1125", "1272"]).toContain((error as QfpayGatewayError).respcd);

    const records = (await client.query({ out_trade_no: payment.out_trade_no })).data;
    expect(selectPaymentRecord({ data: records }).record?.syssn).toBe(payment.syssn);
  });

  it("a refund of an unknown transaction is 1268 with its meaning", async () => {
    const error = await failure(() => client.refund({ syssn: "20990101000000000000000001", out_trade_no: outTradeNo("r1"), txamt: 1 }));
    expect(error).toMatchObject({ respcd: "1268", meaning: "The order does not exist, please confirm the order status" });
  });
});

describe("close and reversal", () => {
  it("closes an unpaid WeChat order; the query then shows it closed", async () => {
    const payment = await client.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() });
    const closed = await client.close({ out_trade_no: payment.out_trade_no, txamt: 100 });
    expect(closed.respcd).toBe("0000");
    expect(selectPaymentRecord(await client.query({ syssn: payment.syssn })).outcome).not.toBe("succeeded");
  });

  it("reverses an unpaid Alipay order", async () => {
    const payment = await client.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800101", out_trade_no: outTradeNo() });
    expect((await client.reversal({ syssn: payment.syssn, txamt: 100 })).respcd).toBe("0000");
  });

  it("refuses to cancel an order that does not exist", async () => {
    const error = await failure(() => client.close({ out_trade_no: outTradeNo() }));
    expect(error).toMatchObject({ endpoint: "close", respcd: "1268" });
  });
});

describe("Alipay pre-authorization", () => {
  it("freezes, deducts (authtrade) and refuses a deduct above the frozen amount", async () => {
    const freeze = await client.payment({ txamt: 5000, txcurrcd: "HKD", pay_type: "801814", out_trade_no: outTradeNo() });
    sandbox.control.pay(freeze.syssn);
    const tooMuch = await failure(() => client.authtrade({ syssn: freeze.syssn, out_trade_no: outTradeNo("c"), txamt: 5001 }));
    expect(tooMuch).toMatchObject({ endpoint: "authtrade", respcd: "1266" });
    const deduct = await client.authtrade({ syssn: freeze.syssn, out_trade_no: outTradeNo("c"), txamt: 4000 });
    expect(deduct).toMatchObject({ respcd: "0000", txamt: 4000 });
  });

  it("unfreezes through reversal", async () => {
    const freeze = await client.payment({ txamt: 5000, txcurrcd: "HKD", pay_type: "801808", out_trade_no: outTradeNo() });
    sandbox.control.pay(freeze.syssn);
    expect((await client.reversal({ syssn: freeze.syssn })).respcd).toBe("0000");
    const error = await failure(() => client.authtrade({ syssn: freeze.syssn, out_trade_no: outTradeNo("c"), txamt: 100 }));
    expect(error).toMatchObject({ endpoint: "authtrade", respcd: "1263" });
  });
});

describe("add_note and trade_bill", () => {
  it("adds a note to a transaction, and 1268 for an unknown one", async () => {
    const payment = await paidOrder();
    const answer = await client.addNote({ syssn: payment.syssn, note: "订单备注 order 42" });
    expect(answer.data?.syssn).toBe(payment.syssn);
    expect(sandbox.ledger().find((entry) => entry.syssn === payment.syssn)?.notes).toContain("订单备注 order 42");
    expect(await failure(() => client.addNote({ syssn: "20990101000000000000000001", note: "x" }))).toMatchObject({ endpoint: "add_note", respcd: "1268" });
  });

  it("downloads the day's statement as a zip", async () => {
    await paidOrder();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const bill = await client.tradeBill({ trade_date: today });
    expect(bill.contentType).toBe("application/zip");
    expect([...bill.data.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(await failure(() => client.tradeBill({ trade_date: "2024-02-30" }))).toBeInstanceOf(QfpayRequestError);
  });
});

describe("authentication", () => {
  it("the sandbox rejects a wrongly signed request with 1108", async () => {
    const forger = clientWith({ clientKey: "WRONGKEY00000000000000000000CCCC" });
    const error = await failure(() => forger.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() }));
    expect(error).toBeInstanceOf(QfpayGatewayError);
    expect(error).toMatchObject({ endpoint: "payment", respcd: "1108", meaning: "Signature error" });
    expect(String(error)).not.toContain("WRONGKEY00000000000000000000CCCC");
  });

  it("signs with SHA256 too", async () => {
    const sha = clientWith({ signType: "SHA256" });
    expect((await sha.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() })).respcd).toBe("0000");
  });

  it("a merchant without mchid works without one", async () => {
    const plain = new QfpayClient({ ...PLAIN, baseUrl: sandbox.url });
    expect((await plain.payment({ txamt: 100, txcurrcd: "SGD", pay_type: "800201", out_trade_no: outTradeNo() })).respcd).toBe("0000");
  });
});

describe("transport failures", () => {
  it("HTTP 5xx: a payment fails at once; a query retries through it", async () => {
    sandbox.control.faults.set({ http5xx: 1 });
    const error = await failure(() => client.payment({ txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: outTradeNo() }));
    expect(error).toBeInstanceOf(QfpayTransportError);
    expect(error).toMatchObject({ endpoint: "payment", kind: "http_status", status: 503 });

    const payment = await paidOrder();
    sandbox.control.faults.set({ http5xx: 2 });
    expect(selectPaymentRecord(await client.query({ syssn: payment.syssn })).outcome).toBe("succeeded");
  });

  it("a dropped connection is a network error", async () => {
    sandbox.control.faults.set({ dropConnection: 1 });
    const error = await failure(() => client.refund({ syssn: "1", out_trade_no: outTradeNo("r1"), txamt: 1 }));
    expect(error).toMatchObject({ endpoint: "refund", kind: "network" });
  });

  it("a slow gateway is a time-out", async () => {
    sandbox.control.faults.set({ latencyMs: 400 });
    const impatient = clientWith({ timeoutMs: 100, queryRetries: 0 });
    const error = await failure(() => impatient.query({ syssn: "1" }));
    expect(error).toMatchObject({ endpoint: "query", kind: "timeout" });
  });
});
