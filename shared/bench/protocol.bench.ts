import { bench, describe } from "vitest";
import { parseQfpayJson } from "../src/client/response-json.js";
import { toMinorUnits } from "../src/money.js";
import { queryResponseSchema } from "../src/schemas/query.js";
import { sign, verify } from "../src/signing.js";

const KEY = "615ED178BA524459976CE40FAB78000F";
const params = {
  txamt: 1234,
  txcurrcd: "HKD",
  pay_type: "800201",
  out_trade_no: "payses_01J9ZK3M6Q8W2XJ5T7B4C1D0EF|p|1",
  txdtm: "2024-01-31 13:45:00",
  goods_name: "茶叶礼盒 Tea gift box",
  mchid: "ZaMVg12345",
};
const body =
  '{"pay_type": "800108", "sysdtm": "2018-01-12 19:31:16", "cardcd": "2088802362210279", "txdtm": "2018-01-12 19:31:22", ' +
  '"resperr": "\\u4ea4\\u6613\\u6210\\u529f", "txcurrcd": "CNY", "txamt": "1", "respmsg": "", ' +
  '"out_trade_no": "130145934788787530052", "syssn": "20180112000100020001662134", "respcd": "0000"}';
const queryText = JSON.stringify({
  respcd: "0000",
  resperr: "ok",
  page: "1",
  page_size: "10",
  data: Array.from({ length: 10 }, (_, index) => ({
    syssn: `2024013100020002001234${String(index).padStart(4, "0")}`,
    out_trade_no: `payses_01J|p|${index + 1}`,
    order_type: index % 3 ? "payment" : "refund",
    respcd: "0000",
    txamt: "1234",
    txcurrcd: "HKD",
    pay_type: "800201",
    sysdtm: "2024-01-31 13:45:00",
  })),
});

describe("signing", () => {
  bench("sign MD5 (7 params, Chinese goods name)", () => void sign(params, KEY));
  bench("sign SHA256", () => void sign(params, KEY, "SHA256"));
  bench("verify 302-byte answer", () => void verify(body, "1E2CE7C2A7F8F581C354A857182B7A31", KEY));
});

describe("parsing", () => {
  bench("toMinorUnits('12.345', HKD)", () => void toMinorUnits("12.345", "HKD"));
  bench("parse + validate a 10-record query answer", () => void queryResponseSchema.parse(parseQfpayJson(queryText)));
});
