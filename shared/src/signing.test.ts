import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presentParams, sign, signingString, verify, type SignAlgorithm } from "./signing.js";

const REFERENCE_SIGNER = fileURLToPath(new URL("./signing.reference.py", import.meta.url));

interface Case {
  data: Record<string, string>;
  key: string;
  algorithm: SignAlgorithm;
}

/** Runs QFPay's Python make_req_sign on all cases in one child process. */
function referenceSignatures(cases: readonly Case[]): string[] {
  const output = execFileSync("python3", [REFERENCE_SIGNER], { input: JSON.stringify(cases), encoding: "utf8" });
  return JSON.parse(output) as string[];
}

const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCodePoint(code)), minLength: 1 });
const anyText = fc.string({ unit: "grapheme", minLength: 1 });
const formText = fc.string({ unit: fc.constantFrom(..."abcXYZ019 &=+%/:-_|*.,?#"), minLength: 1 });
const value = fc.oneof(chinese, anyText, formText, fc.nat().map(String));
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
const params = fc.dictionary(name, value, { minKeys: 1, maxKeys: 12 });
const key = fc.stringMatching(/^[0-9A-F]{32}$/);
const algorithm = fc.constantFrom<SignAlgorithm>("MD5", "SHA256");

describe("sign", () => {
  it("matches the reference make_req_sign (MD5 and SHA256) on hundreds of random parameter sets", () => {
    const cases = fc.sample(fc.record({ data: params, key, algorithm }), { numRuns: 600, seed: 20240601 });
    cases.push({ data: { goods_name: "测试商品（中文）", txamt: "100", pay_type: "800201" }, key: "K", algorithm: "MD5" });
    const expected = referenceSignatures(cases);
    const actual = cases.map((testCase) => sign(testCase.data, testCase.key, testCase.algorithm));
    expect(cases.filter((testCase) => testCase.algorithm === "SHA256").length).toBeGreaterThan(200);
    expect(actual).toEqual(expected);
  });

  it("leaves empty and undefined parameters out of the signature", () => {
    fc.assert(
      fc.property(params, key, algorithm, (data, secret, alg) => {
        const padded = { ...data, zz_empty: "", aa_undefined: undefined, mm_null: null };
        expect(sign(padded, secret, alg)).toBe(sign(data, secret, alg));
      }),
    );
  });

  it("signs values raw, sorted by name, key appended", () => {
    expect(signingString({ txamt: 10, goods_name: "a&b=c", mchid: "", out_trade_no: "x|1" })).toBe("goods_name=a&b=c&out_trade_no=x|1&txamt=10");
    expect(presentParams({ a: 0, b: false, c: "", d: undefined })).toEqual({ a: "0", b: "false" });
  });

  it("gives upper-case hex of the right length per algorithm", () => {
    expect(sign({ a: "1" }, "k")).toMatch(/^[0-9A-F]{32}$/);
    expect(sign({ a: "1" }, "k", "SHA256")).toMatch(/^[0-9A-F]{64}$/);
  });
});

describe("verify", () => {
  // The known-good response of japan-business-api.txt, as QFPay sent it (Python json.dumps, \u escapes).
  const body =
    '{"pay_type": "800108", "sysdtm": "2018-01-12 19:31:16", "cardcd": "2088802362210279", "txdtm": "2018-01-12 19:31:22", ' +
    '"resperr": "\\u4ea4\\u6613\\u6210\\u529f", "txcurrcd": "CNY", "txamt": "1", "respmsg": "", ' +
    '"out_trade_no": "130145934788787530052", "syssn": "20180112000100020001662134", "respcd": "0000"}';
  const vectorKey = "615ED178BA524459976CE40FAB78000F";
  const vectorSign = "1E2CE7C2A7F8F581C354A857182B7A31";

  it("accepts the reference response vector, as string and as bytes, in either hex case", () => {
    expect(Buffer.byteLength(body)).toBe(302);
    expect(verify(body, vectorSign, vectorKey)).toBe(true);
    expect(verify(new TextEncoder().encode(body), vectorSign.toLowerCase(), vectorKey)).toBe(true);
  });

  it("rejects the vector after any one-byte change", () => {
    const bytes = new TextEncoder().encode(body);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const changed = Uint8Array.from(bytes);
        changed[index] = (changed[index]! + delta) % 256;
        expect(verify(changed, vectorSign, vectorKey)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a wrong key, a changed signature, and malformed or missing signatures", () => {
    expect(verify(body, vectorSign, "615ED178BA524459976CE40FAB78000E")).toBe(false);
    expect(verify(body, vectorSign.replace(/^1/, "2"), vectorKey)).toBe(false);
    expect(verify(body, vectorSign.slice(0, -1), vectorKey)).toBe(false);
    expect(verify(body, "not hex", vectorKey)).toBe(false);
    expect(verify(body, "", vectorKey)).toBe(false);
    expect(verify(body, undefined, vectorKey)).toBe(false);
    expect(verify(body, null, vectorKey)).toBe(false);
  });

  it("hashes raw bytes: re-serialised JSON of the same data does not verify", () => {
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(verify(reserialised, vectorSign, vectorKey)).toBe(false);
  });

  it("verifies SHA256 signatures when asked to", () => {
    const signature = createHash("sha256")
      .update(body + vectorKey, "utf8")
      .digest("hex");
    expect(verify(body, signature, vectorKey, "SHA256")).toBe(true);
    expect(verify(body, signature, vectorKey, "MD5")).toBe(false);
  });
});
