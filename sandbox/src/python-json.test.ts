import { describe, expect, it } from "vitest";
import { verify } from "@qfpay-medusa/shared/server";
import { bodySignature } from "./body-signature.js";
import { toPythonJson } from "./python-json.js";

describe("toPythonJson", () => {
  it("writes the Japan reference's signed answer byte for byte, so its known signature matches", () => {
    const answer = {
      pay_type: "800108",
      sysdtm: "2018-01-12 19:31:16",
      cardcd: "2088802362210279",
      txdtm: "2018-01-12 19:31:22",
      resperr: "交易成功",
      txcurrcd: "CNY",
      txamt: "1",
      respmsg: "",
      out_trade_no: "130145934788787530052",
      syssn: "20180112000100020001662134",
      respcd: "0000",
    };
    const text = toPythonJson(answer);
    expect(text).toBe(
      '{"pay_type": "800108", "sysdtm": "2018-01-12 19:31:16", "cardcd": "2088802362210279", "txdtm": "2018-01-12 19:31:22", "resperr": "\\u4ea4\\u6613\\u6210\\u529f", "txcurrcd": "CNY", "txamt": "1", "respmsg": "", "out_trade_no": "130145934788787530052", "syssn": "20180112000100020001662134", "respcd": "0000"}',
    );
    expect(bodySignature(text, "615ED178BA524459976CE40FAB78000F")).toBe("1E2CE7C2A7F8F581C354A857182B7A31");
    expect(verify(text, "1e2ce7c2a7f8f581c354a857182b7a31", "615ED178BA524459976CE40FAB78000F")).toBe(true);
  });

  it("escapes quotes, backslashes, control characters and astral characters like Python, but not slashes", () => {
    expect(toPythonJson({ a: 'say "hi"\\ \n\t\u0001 https://x/y 😀' })).toBe('{"a": "say \\"hi\\"\\\\ \\n\\t\\u0001 https://x/y \\ud83d\\ude00"}');
  });

  it("nests objects and arrays with the same separators and keeps numbers and literals", () => {
    expect(toPythonJson({ data: [{ n: 1, ok: true, none: null }], page: "1" })).toBe('{"data": [{"n": 1, "ok": true, "none": null}], "page": "1"}');
    expect(JSON.parse(toPythonJson({ x: ["é", 2.5] }))).toEqual({ x: ["é", 2.5] });
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => toPythonJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
