import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign, verify } from "@qfpay-medusa/shared/server";
import { call, MERCHANT, paymentParams, PLAIN_MERCHANT, startTestSandbox } from "./test-support.js";
import type { Sandbox } from "./types.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe("request signatures", () => {
  it("accepts an MD5-signed request and signs its answer with MD5(body + key)", async () => {
    const result = await call(sandbox, "/trade/v1/payment", paymentParams());
    expect(result.body.respcd).toBe("0000");
    expect(result.signature).toMatch(/^[0-9A-F]{32}$/);
    expect(verify(result.bytes, result.signature, MERCHANT.clientKey)).toBe(true);
    expect(verify(result.bytes, result.signature, "another key")).toBe(false);
  });

  it("accepts a SHA256-signed request when X-QF-SIGNTYPE says SHA256", async () => {
    const result = await call(sandbox, "/trade/v1/payment", paymentParams(), { signType: "SHA256" });
    expect(result.body.respcd).toBe("0000");
  });

  it("accepts the signature in lower case hex", async () => {
    const params = { mchid: MERCHANT.mchid!, ...paymentParams() };
    const result = await call(sandbox, "/trade/v1/payment", params, { signature: sign(params, MERCHANT.clientKey).toLowerCase() });
    expect(result.body.respcd).toBe("0000");
  });

  const md5Of = (params: Record<string, string>): string => sign(params, MERCHANT.clientKey, "MD5");
  const sha256Of = (params: Record<string, string>): string => sign(params, MERCHANT.clientKey, "SHA256");

  it.each([
    ["a wrong MD5 signature", () => ({ signature: "0".repeat(32) })],
    ["no signature", () => ({ signature: null })],
    ["an MD5 signature announced as SHA256", (params: Record<string, string>) => ({ signType: "SHA256" as const, signature: md5Of(params) })],
    ["a SHA256 signature sent as MD5", (params: Record<string, string>) => ({ signature: sha256Of(params) })],
    ["a signature made with another merchant's key", () => ({ merchant: { ...MERCHANT, clientKey: PLAIN_MERCHANT.clientKey } })],
    ["an unknown app code", () => ({ merchant: { ...MERCHANT, appCode: "NOPE" } })],
  ])("answers 1108 to %s and records nothing", async (_name, optionsFor) => {
    const before = sandbox.ledger().length;
    const params = { mchid: MERCHANT.mchid!, ...paymentParams() };
    const result = await call(sandbox, "/trade/v1/payment", params, optionsFor(params));
    expect(result.status).toBe(200);
    expect(result.body.respcd).toBe("1108");
    expect(String(result.body.resperr)).toContain("(1108)");
    expect(sandbox.ledger().length).toBe(before);
  });

  it("answers 1108 when a signed parameter was changed on the way", async () => {
    const params = { mchid: MERCHANT.mchid!, ...paymentParams({ txamt: "100" }) };
    const signature = sign(params, MERCHANT.clientKey);
    const result = await call(sandbox, "/trade/v1/payment", { ...params, txamt: "1" }, { signature });
    expect(result.body.respcd).toBe("1108");
  });

  it("never puts the client key in an answer", async () => {
    const result = await call(sandbox, "/trade/v1/payment", paymentParams(), { signature: "BAD" });
    expect(result.raw).not.toContain(MERCHANT.clientKey);
  });
});

describe("mchid rules", () => {
  it("requires the merchant's mchid when it has one (1104) and refuses another (1241)", async () => {
    expect((await call(sandbox, "/trade/v1/payment", paymentParams({ mchid: "" }))).body.respcd).toBe("1104");
    expect((await call(sandbox, "/trade/v1/payment", paymentParams({ mchid: "OTHER" }))).body.respcd).toBe("1241");
  });

  it("refuses an mchid from a merchant that has none (1241)", async () => {
    const withMchid = await call(sandbox, "/trade/v1/payment", paymentParams({ mchid: "MCH0001" }), { merchant: PLAIN_MERCHANT });
    expect(withMchid.body.respcd).toBe("1241");
    const without = await call(sandbox, "/trade/v1/payment", paymentParams(), { merchant: PLAIN_MERCHANT });
    expect(without.body.respcd).toBe("0000");
  });
});
