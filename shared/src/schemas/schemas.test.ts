import { describe, expect, it } from "vitest";
import { parseQfpayJson } from "../client/response-json.js";
import { addNoteResponseSchema } from "./add-note.js";
import { authtradeResponseSchema } from "./authtrade.js";
import { cancelRequestSchema, cancelResponseSchema } from "./cancel.js";
import { notificationSchema } from "./notification.js";
import { paymentRequestSchema, paymentResponseSchema } from "./payment.js";
import { queryRequestSchema, queryResponseSchema } from "./query.js";
import { refundRequestSchema, refundResponseSchema } from "./refund.js";
import { tradeBillRequestSchema } from "./trade-bill.js";

const base = { txamt: 100, txcurrcd: "HKD", out_trade_no: "payses_01J|p|1", txdtm: "2024-01-31 13:45:00" };

describe("payment request", () => {
  it("accepts every mode with its parameters, from values or form strings", () => {
    const cases = [
      { pay_type: "800201", expired_time: 10 },
      { pay_type: "800208", auth_code: "134857909999988557" },
      { pay_type: "801114", return_url: "https://shop.test/done" },
      { pay_type: "801512", return_url: "https://shop.test/done", expired_time: "30" },
      { pay_type: "800207", sub_openid: "oX1" },
      { pay_type: "800213", sub_openid: "oX1", expired_time: 5 },
      { pay_type: "800210", goods_name: "App" },
      { pay_type: "800107", openid: "2088802811715388" },
      { pay_type: "801808" },
    ];
    for (const extra of cases) expect(paymentRequestSchema.safeParse({ ...base, ...extra }).success, extra.pay_type).toBe(true);
    const fromForm = paymentRequestSchema.parse({ ...base, txamt: "100", pay_type: "800201", goods_name: "中文商品" });
    expect(fromForm.txamt).toBe(100);
  });

  it("names what a mode is missing or does not take", () => {
    const issues = (input: object) => paymentRequestSchema.safeParse({ ...base, ...input }).error?.issues.map((issue) => issue.message);
    expect(issues({ pay_type: "800208" })).toEqual(["auth_code is required for pay_type 800208"]);
    expect(issues({ pay_type: "800207" })).toEqual(["sub_openid is required for pay_type 800207"]);
    expect(issues({ pay_type: "802001", expired_time: 10 })).toEqual(["pay_type 802001 does not accept expired_time"]);
    expect(issues({ pay_type: "123456" })).toEqual(["unknown pay_type 123456"]);
    expect(issues({ pay_type: "800201", expired_time: 4 })).toHaveLength(1);
  });

  it("checks amounts, ids and times strictly", () => {
    for (const bad of [
      { txamt: 0 },
      { txamt: -1 },
      { txamt: 1.5 },
      { txamt: "1e3" },
      { txamt: 1e12 },
      { out_trade_no: "a-b" },
      { txdtm: "2024-01-31T13:45:00" },
      { txcurrcd: "HK" },
      { goods_name: "x".repeat(65) },
    ]) {
      expect(paymentRequestSchema.safeParse({ ...base, pay_type: "800201", ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("responses", () => {
  it("parses the reference's payment answer leniently (numbers as strings, extra fields kept)", () => {
    const parsed = paymentResponseSchema.parse({
      pay_type: "800101",
      sysdtm: "2019-12-27 10:40:24",
      txdtm: "2019-12-27 10:39:39",
      resperr: "success",
      txamt: "10",
      respmsg: "",
      out_trade_no: "CHZ7D61JN1ANJF2R2K1I7TXP2JTCEWBL",
      syssn: "20191227000200020061752831",
      respcd: "0000",
      qrcode: "https://qr.alipay.com/bax03190uxd47wbekffy6033",
      txcurrcd: "EUR",
      something_new: { a: 1 },
    });
    expect(parsed.txamt).toBe(10);
    expect(parsed.something_new).toEqual({ a: 1 });
  });

  it("rejects bad return codes, amounts and ids", () => {
    const good = { respcd: "0000", syssn: "20191227000200020061752831", out_trade_no: "A1" };
    expect(paymentResponseSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      { respcd: "OK" },
      { respcd: "00000" },
      { respcd: undefined },
      { txamt: "-5" },
      { txamt: "1.5" },
      { syssn: undefined },
      { syssn: "" },
      { syssn: 2019 },
    ]) {
      expect(paymentResponseSchema.safeParse({ ...good, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("parses the reference's query example, bare respcd and string page included", () => {
    const text = `{"respmsg": "", "resperr": "请求成功", "respcd": 0000, "data": [{"cardtp": "5", "cancel": "0", "pay_type": "800101",
      "order_type": "payment", "txdtm": "2019-12-27 10:39:39", "out_trade_no": "CHZ7D61JN1ANJF2R2K1I7TXP2JTCEWBL",
      "syssn": "20191227000200020061752831", "sysdtm": "2019-12-27 10:40:24", "txcurrcd": "EUR", "txamt": "10",
      "respcd": "0000", "errmsg": "success"}], "page": "1", "page_size": "10"}`;
    const parsed = queryResponseSchema.parse(parseQfpayJson(text));
    expect(parsed.respcd).toBe("0000");
    expect(parsed.page).toBe(1);
    expect(parsed.data[0]).toMatchObject({ order_type: "payment", respcd: "0000", txamt: 10 });
  });

  it("keeps a bare-number syssn exact (the authtrade example)", () => {
    const parsed = authtradeResponseSchema.parse(
      parseQfpayJson('{"respcd": "0000", "syssn": "20190722000302320081074842", "txamt": "10", "orig_syssn": 20190722000300020081074842}'),
    );
    expect(parsed.orig_syssn).toBe("20190722000300020081074842");
  });

  it("parses refund, cancel and add_note answers", () => {
    expect(refundResponseSchema.parse({ respcd: "0000", syssn: "2", orig_syssn: "1", txamt: "10" }).txamt).toBe(10);
    expect(cancelResponseSchema.parse({ respcd: "0000", orig_syssn: "", txamt: 2500 }).orig_syssn).toBeUndefined();
    expect(addNoteResponseSchema.parse({ respcd: "0000", data: { syssn: "20190722000200020081084545" } }).data?.syssn).toBe("20190722000200020081084545");
  });
});

describe("other requests", () => {
  it("query takes id lists and bounded page sizes", () => {
    expect(queryRequestSchema.parse({ out_trade_no: ["a|p|1", "a|p|2"] }).out_trade_no).toBe("a|p|1,a|p|2");
    expect(queryRequestSchema.safeParse({ syssn: "1,2" }).success).toBe(true);
    expect(queryRequestSchema.safeParse({ syssn: "1,,2" }).success).toBe(false);
    expect(queryRequestSchema.safeParse({ page_size: 101 }).success).toBe(false);
  });

  it("close/reversal need syssn or out_trade_no", () => {
    expect(cancelRequestSchema.safeParse({ txdtm: "2024-01-31 13:45:00" }).success).toBe(false);
    expect(cancelRequestSchema.safeParse({ txdtm: "2024-01-31 13:45:00", out_trade_no: "a|p|1" }).success).toBe(true);
  });

  it("refund needs a positive amount and a syssn", () => {
    expect(refundRequestSchema.safeParse({ syssn: "1", out_trade_no: "a|r1|1", txamt: 0, txdtm: "2024-01-31 13:45:00" }).success).toBe(false);
    expect(refundRequestSchema.safeParse({ out_trade_no: "a|r1|1", txamt: 5, txdtm: "2024-01-31 13:45:00" }).success).toBe(false);
  });

  it("trade_bill needs a real date", () => {
    expect(tradeBillRequestSchema.safeParse({ trade_date: "2017-10-17" }).success).toBe(true);
    expect(tradeBillRequestSchema.safeParse({ trade_date: "2017-13-17" }).success).toBe(false);
    expect(tradeBillRequestSchema.safeParse({ trade_date: "2023-02-29" }).success).toBe(false);
    expect(tradeBillRequestSchema.safeParse({ trade_date: "20171017" }).success).toBe(false);
  });
});

describe("notification", () => {
  it("parses the reference's example and keeps unknown fields", () => {
    const parsed = notificationSchema.parse({
      status: "1",
      pay_type: "800101",
      sysdtm: "2020-06-15 10:32:58",
      paydtm: "2020-06-15 10:33:35",
      goods_name: "",
      txcurrcd: "THB",
      txdtm: "2020-06-15 10:32:58",
      mchid: "O37MRh6Qq5",
      txamt: "10",
      exchange_rate: "",
      chnlsn2: "",
      out_trade_no: "9G3ZIWTG1R3IVSC2AH2O5EGKJQ7I72QO",
      syssn: "20200615000200020000641807",
      cash_fee_type: "",
      cancel: "0",
      respcd: "0000",
      goods_info: "",
      cash_fee: "0",
      notify_type: "payment",
      chnlsn: "2020061522001453561406303428",
      cardcd: "2088032341453564",
      brand_new_field: "x",
    });
    expect(parsed).toMatchObject({ notify_type: "payment", txamt: 10, respcd: "0000", brand_new_field: "x" });
  });

  it("accepts unknown notify types but not a missing amount", () => {
    const body = { notify_type: "unfreeze", respcd: "0000", syssn: "1", out_trade_no: "a", txamt: "1", txcurrcd: "HKD" };
    expect(notificationSchema.safeParse(body).success).toBe(true);
    expect(notificationSchema.safeParse({ ...body, notify_type: "something_else" }).success).toBe(true);
    expect(notificationSchema.safeParse({ ...body, txamt: undefined }).success).toBe(false);
  });
});
