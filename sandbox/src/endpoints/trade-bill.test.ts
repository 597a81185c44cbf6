import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verify } from "@qfpay-medusa/shared/server";
import { call, MERCHANT, paidPayment, startTestSandbox } from "../test-support.js";
import type { Sandbox } from "../types.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => new Date("2026-07-15T03:00:00Z") });
});
afterAll(() => sandbox.close());

/** The files of a ZIP, read through its local headers. */
function unzip(bytes: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  let offset = 0;
  while (bytes.readUInt32LE(offset) === 0x04034b50) {
    const size = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.subarray(offset + 30, offset + 30 + nameLength).toString("utf8");
    const start = offset + 30 + nameLength + extraLength;
    files[name] = inflateRawSync(bytes.subarray(start, start + size)).toString("utf8");
    offset = start + size;
  }
  return files;
}

const bill = (params: Record<string, string>) => call(sandbox, "/download/v1/trade_bill", { mchid: "", ...params }, { method: "GET" });

describe("trade_bill", () => {
  it("answers a signed ZIP with the day's transactions as CSV", async () => {
    const { syssn } = await paidPayment(sandbox, { txamt: "777" });
    const result = await bill({ trade_date: "2026-07-15" });
    expect(result.contentType).toBe("application/zip");
    expect(verify(result.bytes, result.signature, MERCHANT.clientKey)).toBe(true);
    const files = unzip(result.bytes);
    expect(Object.keys(files)).toEqual(["trade_bill_2026-07-15.csv"]);
    const lines = files["trade_bill_2026-07-15.csv"]!.trim().split("\r\n");
    expect(lines[0]).toBe("syssn,out_trade_no,order_type,pay_type,txcurrcd,txamt,respcd,sysdtm,paydtm,orig_syssn,mchid");
    expect(lines.some((line) => line.startsWith(`${syssn},`) && line.includes(",777,0000,"))).toBe(true);
  });

  it("has no rows for a day without transactions", async () => {
    const files = unzip((await bill({ trade_date: "2026-07-14" })).bytes);
    expect(files["trade_bill_2026-07-14.csv"]!.trim().split("\r\n")).toHaveLength(1);
  });

  it("refuses mchid, a missing, malformed or impossible trade_date with 1104 in JSON", async () => {
    const withMchid = await bill({ trade_date: "2026-07-15", mchid: MERCHANT.mchid! });
    expect(withMchid.body.respcd).toBe("1104");
    expect((await bill({})).body.respcd).toBe("1104");
    expect((await bill({ trade_date: "15/07/2026" })).body.respcd).toBe("1104");
    expect((await bill({ trade_date: "2024-02-30" })).body.respcd).toBe("1104");
  });
});
