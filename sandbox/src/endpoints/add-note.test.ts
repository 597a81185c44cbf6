import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createPayment, MERCHANT, startTestSandbox } from "../test-support.js";
import type { Sandbox } from "../types.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const addNote = (params: Record<string, string>) => call(sandbox, "/trade/v1/add_note", { mchid: "", code: MERCHANT.appCode, ...params });

describe("add_note", () => {
  it("adds a remark to a transaction and answers with its syssn", async () => {
    const { syssn } = await createPayment(sandbox);
    const result = await addNote({ syssn, note: "gift wrap" });
    expect(result.body).toEqual({ resperr: "Success", respmsg: "", respcd: "0000", data: { syssn } });
    expect(sandbox.ledger().find((entry) => entry.syssn === syssn)?.notes).toEqual(["gift wrap"]);
  });

  it("refuses an unknown syssn (1268), a code other than the app code (1104), a missing or too long note (1104)", async () => {
    const { syssn } = await createPayment(sandbox);
    expect((await addNote({ syssn: "20000101000200000000000004", note: "x" })).body.respcd).toBe("1268");
    expect((await addNote({ syssn, note: "x", code: "OTHER" })).body.respcd).toBe("1104");
    expect((await addNote({ syssn })).body.respcd).toBe("1104");
    expect((await addNote({ syssn, note: "x".repeat(201) })).body.respcd).toBe("1104");
  });

  it("accepts the merchant's own mchid but not another", async () => {
    const { syssn } = await createPayment(sandbox);
    expect((await addNote({ syssn, note: "a", mchid: MERCHANT.mchid! })).body.respcd).toBe("0000");
    expect((await addNote({ syssn, note: "a", mchid: "OTHER" })).body.respcd).toBe("1241");
  });
});
