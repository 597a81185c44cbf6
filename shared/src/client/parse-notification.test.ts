import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { QfpayNotificationError } from "./errors.js";
import { parseNotification } from "./parse-notification.js";

const KEY = "3ABB1BFFE2E0497BB9270978B0B12345";
const md5 = (bytes: string | Uint8Array) => createHash("md5").update(bytes).digest("hex");

// As QFPay writes it: Python json.dumps, "\/" and \u escapes, an emoji as a surrogate pair.
const body =
  '{"status": "1", "pay_type": "800201", "goods_name": "\\u8336\\u53f6 \\ud83c\\udf75", "txcurrcd": "HKD", "txamt": "1000", ' +
  '"out_trade_no": "payses_01J|p|1", "syssn": "20200615000200020000641807", "cancel": "0", "respcd": "0000", ' +
  '"notify_type": "payment", "return_url": "https:\\/\\/shop.test\\/done"}';

describe("parseNotification", () => {
  it("verifies the raw bytes, then parses", () => {
    const signature = md5(body + KEY);
    for (const raw of [body, new TextEncoder().encode(body)]) {
      const notification = parseNotification(raw, signature.toUpperCase(), KEY);
      expect(notification).toMatchObject({ notify_type: "payment", txamt: 1000, goods_name: "茶叶 🍵", syssn: "20200615000200020000641807" });
    }
    expect(parseNotification(body, signature.toLowerCase(), KEY).out_trade_no).toBe("payses_01J|p|1");
  });

  it("rejects a forged, missing or re-serialised signature before parsing", () => {
    const cases: Array<[string, string | undefined]> = [
      [body.replace("1000", "1"), md5(body + KEY)],
      [body, md5(`${body}another-key`)],
      [body, undefined],
      [JSON.stringify(JSON.parse(body)), md5(body + KEY)],
    ];
    for (const [raw, signature] of cases) {
      expect(() => parseNotification(raw, signature, KEY)).toThrow(QfpayNotificationError);
      try {
        parseNotification(raw, signature, KEY);
      } catch (error) {
        expect((error as QfpayNotificationError).kind).toBe("bad_signature");
        expect(String(error)).not.toContain(KEY);
      }
    }
  });

  it("rejects a correctly signed body that is not a notification", () => {
    for (const raw of ["not json", '{"notify_type": "payment"}', "[]"]) {
      let kind: string | undefined;
      try {
        parseNotification(raw, md5(raw + KEY), KEY);
      } catch (error) {
        kind = (error as QfpayNotificationError).kind;
      }
      expect(kind, raw).toBe("bad_body");
    }
  });

  it("reads a signed body that starts with a UTF-8 byte-order mark, as bytes or as text", () => {
    const withBom = `\uFEFF${body}`;
    const bytes = new TextEncoder().encode(withBom);
    const signature = md5(Buffer.concat([Buffer.from(bytes), Buffer.from(KEY)]));
    for (const raw of [bytes, withBom]) {
      expect(parseNotification(raw, signature, KEY).syssn).toBe("20200615000200020000641807");
    }
    expect(() => parseNotification(new TextEncoder().encode(body), signature, KEY)).toThrow(/X-QF-SIGN/);
  });
});
