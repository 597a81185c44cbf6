import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { QfpayClient, QfpayError, QfpayGatewayError, QfpayRequestError, QfpayTransportError, sign, type QfpayClientOptions } from "@qfpay-medusa/shared/server";
import { startTestServer, type Received, type Reply } from "../test-server.js";

const KEY = "6C2A9F4E1B7D4C0A8E3F5D2B9A1C7E40";
const APP_CODE = "A6A49A66B4C4D3F8B1E2C3D4E5F60789";

const md5Upper = (text: string) => createHash("md5").update(text, "utf8").digest("hex").toUpperCase();

/** Answers `body` with QFPay's signature header, as the real gateway does. */
function signedJson(body: unknown, status = 200): (response: ServerResponse) => void {
  return (response) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { "Content-Type": "application/json; charset=UTF-8", "X-QF-SIGN": md5Upper(text + KEY) });
    response.end(text);
  };
}

const paymentOk = (request: Received) => ({
  respcd: "0000",
  resperr: "交易成功",
  syssn: "20240131000200020012345678",
  out_trade_no: new URLSearchParams(request.body).get("out_trade_no"),
  pay_type: "800201",
  txamt: "100",
  txcurrcd: "HKD",
  qrcode: "weixin://wxpay/bizpayurl?pr=abc",
});

const paymentRequest = { txamt: 100, txcurrcd: "HKD", pay_type: "800201", out_trade_no: "payses_01J|p|1", goods_name: "茶叶 Tea" };

let servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function clientFor(reply: Reply, options: Partial<QfpayClientOptions> = {}) {
  const server = await startTestServer(reply);
  servers.push(server);
  const client = new QfpayClient({ appCode: APP_CODE, clientKey: KEY, baseUrl: server.url, retryDelayMs: 0, ...options });
  return { client, received: server.received };
}

/** Runs `call`, expects it to throw, and checks the error says nothing of the key. */
async function failure(call: () => Promise<unknown>): Promise<QfpayError> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(QfpayError);
  const everything = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)} ${String((error as Error).cause)}`;
  expect(everything).not.toContain(KEY);
  expect(everything.toLowerCase()).not.toContain(KEY.toLowerCase());
  return error as QfpayError;
}

describe("QfpayClient requests", () => {
  it("posts a signed form with the app code, mchid, txzone and a txdtm from the clock", async () => {
    const { client, received } = await clientFor((request, response) => signedJson(paymentOk(request))(response), {
      mchid: "ZaMVg12345",
      txzone: "+0900",
      now: () => new Date("2024-01-31T04:00:00Z"),
    });
    const answer = await client.payment(paymentRequest);
    expect(answer).toMatchObject({ respcd: "0000", txamt: 100, qrcode: "weixin://wxpay/bizpayurl?pr=abc" });

    const [request] = received;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/trade/v1/payment");
    expect(request?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.headers["x-qf-appcode"]).toBe(APP_CODE);
    expect(request?.headers["x-qf-signtype"]).toBeUndefined();
    const form = Object.fromEntries(new URLSearchParams(request?.body));
    expect(form).toEqual({
      txamt: "100",
      txcurrcd: "HKD",
      pay_type: "800201",
      out_trade_no: "payses_01J|p|1",
      goods_name: "茶叶 Tea",
      mchid: "ZaMVg12345",
      txzone: "+0900",
      txdtm: "2024-01-31 13:00:00",
    });
    const sorted = Object.keys(form)
      .sort()
      .map((name) => `${name}=${form[name]}`)
      .join("&");
    expect(request?.headers["x-qf-sign"]).toBe(md5Upper(sorted + KEY));
    expect(request?.body).not.toContain(KEY);
  });

  it("keeps the caller's txdtm, sends add_note's code without mchid, and signs trade_bill's query string", async () => {
    const { client, received } = await clientFor(
      (request, response) => {
        if (request.path.startsWith("/download/")) return void response.writeHead(200, { "Content-Type": "application/zip" }).end(Buffer.from("PK\x03\x04zip"));
        signedJson(request.path.endsWith("add_note") ? { respcd: "0000", data: { syssn: "1" } } : paymentOk(request))(response);
      },
      { mchid: "ZaMVg12345" },
    );
    await client.payment({ ...paymentRequest, txdtm: "2020-01-02 03:04:05" });
    await client.addNote({ syssn: "1", note: "备注" });
    const bill = await client.tradeBill({ trade_date: "2024-01-31" });

    expect(new URLSearchParams(received[0]?.body).get("txdtm")).toBe("2020-01-02 03:04:05");
    expect(Object.fromEntries(new URLSearchParams(received[1]?.body))).toEqual({ code: APP_CODE, syssn: "1", note: "备注" });
    expect(received[2]).toMatchObject({ method: "GET", path: "/download/v1/trade_bill?trade_date=2024-01-31" });
    expect(received[2]?.headers["x-qf-sign"]).toBe(md5Upper(`trade_date=2024-01-31${KEY}`));
    expect(bill.contentType).toBe("application/zip");
    expect(bill.data.length).toBeGreaterThan(0);
  });

  it("signs with SHA256 and says so when configured", async () => {
    const { client, received } = await clientFor((request, response) => signedJson(paymentOk(request))(response), { signType: "SHA256" });
    await client.payment(paymentRequest);
    const form = Object.fromEntries(new URLSearchParams(received[0]?.body));
    expect(received[0]?.headers["x-qf-signtype"]).toBe("SHA256");
    expect(received[0]?.headers["x-qf-sign"]).toBe(sign(form, KEY, "SHA256"));
  });

  it("refuses an invalid request before sending, naming the fields", async () => {
    const { client, received } = await clientFor((request, response) => signedJson(paymentOk(request))(response));
    const error = await failure(() => client.payment({ ...paymentRequest, txamt: -5, pay_type: "800208" }));
    expect(error).toBeInstanceOf(QfpayRequestError);
    expect(error.endpoint).toBe("payment");
    expect(error.message).toMatch(/txamt/);
    expect(received).toHaveLength(0);
  });

  it("returns 1143/1145 answers for the caller to query", async () => {
    const { client } = await clientFor((request, response) => signedJson({ ...paymentOk(request), respcd: "1143" })(response));
    expect((await client.payment(paymentRequest)).respcd).toBe("1143");
  });

  it("throws a gateway error carrying respcd, meaning, outcome and QFPay's words", async () => {
    const { client } = await clientFor((_request, response) =>
      signedJson({ respcd: "1297", resperr: "Network busy (1297)", respmsg: "预授权发码参数异常" })(response),
    );
    const error = await failure(() => client.payment(paymentRequest));
    expect(error).toBeInstanceOf(QfpayGatewayError);
    expect(error).toMatchObject({
      endpoint: "payment",
      respcd: "1297",
      outcome: "failed",
      meaning: "The banking system is busy. Please try again later or use other payment methods",
      resperr: "Network busy (1297)",
      respmsg: "预授权发码参数异常",
    });
    expect(error.message).toContain("1297");
  });
});

describe("QfpayClient bad answers", () => {
  const cases: Array<[string, Reply, string]> = [
    ["not JSON", (_q, r) => r.writeHead(200, { "Content-Type": "application/json" }).end("respcd=0000"), "bad_response"],
    ["an HTML error page", (_q, r) => r.writeHead(200, { "Content-Type": "text/html" }).end("<html><body>502 Bad Gateway</body></html>"), "bad_response"],
    [
      "a missing field",
      (request, r) => {
        const { syssn: _dropped, ...rest } = paymentOk(request);
        signedJson(rest)(r);
      },
      "bad_response",
    ],
    ["a JSON array", (_q, r) => signedJson([1, 2])(r), "bad_response"],
    ["no respcd", (_q, r) => signedJson({ resperr: "?" })(r), "bad_response"],
    ["an HTTP 502", (_q, r) => r.writeHead(502, { "Content-Type": "text/html" }).end("<h1>Bad gateway</h1>"), "http_status"],
    [
      "a forged signature",
      (request, r) => {
        const text = JSON.stringify(paymentOk(request));
        r.writeHead(200, { "Content-Type": "application/json", "X-QF-SIGN": md5Upper(`${text}WRONGKEY`) }).end(text);
      },
      "bad_signature",
    ],
    [
      "a tampered body",
      (request, r) => {
        const text = JSON.stringify(paymentOk(request));
        r.writeHead(200, { "Content-Type": "application/json", "X-QF-SIGN": md5Upper(text + KEY) }).end(text.replace("100", "999"));
      },
      "bad_signature",
    ],
  ];

  it.each(cases)("%s gives a typed error naming the endpoint, without the key", async (_name, reply, kind) => {
    const { client } = await clientFor(reply);
    const error = await failure(() => client.payment(paymentRequest));
    expect(error).toBeInstanceOf(QfpayTransportError);
    expect(error).toMatchObject({ endpoint: "payment", kind });
    expect(error.message).toMatch(/^QFPay payment: /);
  });

  it("times out, once, for a payment that may have reached QFPay", async () => {
    const { client, received } = await clientFor(() => undefined, { timeoutMs: 150 });
    const error = await failure(() => client.payment(paymentRequest));
    expect(error).toMatchObject({ endpoint: "payment", kind: "timeout" });
    expect(error.message).toContain("150 ms");
    expect(received).toHaveLength(1);
  });

  it("times out a slow body too", async () => {
    const { client } = await clientFor(
      (_request, response) => {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.write('{"respcd": ');
      },
      { timeoutMs: 150 },
    );
    expect(await failure(() => client.refund({ syssn: "1", out_trade_no: "a|r1|1", txamt: 5 }))).toMatchObject({ endpoint: "refund", kind: "timeout" });
  });
});

describe("QfpayClient retries", () => {
  const queryOk = { respcd: "0000", data: [], page: "1", page_size: "10" };

  it("retries a query on time-outs, 5xx and transient codes, up to queryRetries", async () => {
    let calls = 0;
    const { client, received } = await clientFor(
      (_request, response) => {
        calls += 1;
        if (calls === 1) return; // time-out
        if (calls === 2) return void response.writeHead(503).end();
        if (calls === 3) return signedJson({ respcd: "1100", resperr: "maintenance" })(response);
        signedJson(queryOk)(response);
      },
      { timeoutMs: 150, queryRetries: 3 },
    );
    expect((await client.query({ out_trade_no: "a|p|1" })).respcd).toBe("0000");
    expect(received).toHaveLength(4);
    expect(Object.fromEntries(new URLSearchParams(received[3]?.body))).toEqual({ out_trade_no: "a|p|1" });
  });

  it("gives up after queryRetries and reports the last failure", async () => {
    const { client, received } = await clientFor((_request, response) => void response.writeHead(500).end(), { queryRetries: 2 });
    expect(await failure(() => client.query({ syssn: "1" }))).toMatchObject({ endpoint: "query", kind: "http_status", status: 500 });
    expect(received).toHaveLength(3);
  });

  it("never repeats a payment, refund or cancel that may have been received", async () => {
    const { client, received } = await clientFor((_request, response) => void response.writeHead(503).end());
    await failure(() => client.payment(paymentRequest));
    await failure(() => client.refund({ syssn: "1", out_trade_no: "a|r1|1", txamt: 5 }));
    await failure(() => client.close({ out_trade_no: "a|p|1" }));
    expect(received).toHaveLength(3);
  });

  it("repeats a payment whose connection failed before anything was sent", async () => {
    const { client: real, received } = await clientFor((request, response) => signedJson(paymentOk(request))(response));
    let attempts = 0;
    const refusedOnce: typeof fetch = (input, init) => {
      attempts += 1;
      if (attempts === 1)
        return Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }));
      return fetch(input, init);
    };
    const client = new QfpayClient({ appCode: APP_CODE, clientKey: KEY, baseUrl: real.baseUrl, fetch: refusedOnce, retryDelayMs: 0 });
    expect((await client.payment(paymentRequest)).respcd).toBe("0000");
    expect(attempts).toBe(2);
    expect(received).toHaveLength(1);
  });

  it("reports a refused connection as a network error", async () => {
    const { url, close } = await startTestServer(() => undefined);
    await close();
    const client = new QfpayClient({ appCode: APP_CODE, clientKey: KEY, baseUrl: url, retryDelayMs: 0 });
    expect(await failure(() => client.query({ syssn: "1" }))).toMatchObject({ endpoint: "query", kind: "network" });
  });
});

describe("QfpayClient options", () => {
  it("resolves environments and rejects bad options without echoing the key", () => {
    expect(new QfpayClient({ appCode: "a", clientKey: KEY, environment: "hk-prod" }).baseUrl).toBe("https://openapi-hk.qfapi.com");
    expect(new QfpayClient({ appCode: "a", clientKey: KEY, environment: "hk-prod", baseUrl: "http://127.0.0.1:9" }).baseUrl).toBe("http://127.0.0.1:9");
    for (const options of [{ environment: "nowhere" }, {}, { environment: "sandbox", txzone: "8" }, { environment: "sandbox", timeoutMs: 0 }]) {
      let message = "";
      try {
        new QfpayClient({ appCode: "a", clientKey: KEY, ...options });
      } catch (error) {
        message = String(error);
      }
      expect(message).not.toBe("");
      expect(message).not.toContain(KEY);
    }
  });

  it("keeps the key out of the client's own inspection", async () => {
    const { inspect } = await import("node:util");
    const client = new QfpayClient({ appCode: "a", clientKey: KEY, environment: "sandbox" });
    expect(inspect(client, { depth: 5 })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });
});
