import { describe, expect, it } from "vitest";
import { SandboxConfigError } from "./errors.js";
import { startSandbox } from "./server.js";
import { createPayment, MERCHANT, paidPayment, startReceiver, startTestSandbox } from "./test-support.js";

/** Handles and timers the process holds, by kind. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

describe("startSandbox / close", () => {
  it("listens on a random port, serves several merchants, and a fixed publicUrl shapes qrcode", async () => {
    const sandbox = await startTestSandbox({ publicUrl: "https://sandbox.example/" });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { result, syssn } = await createPayment(sandbox);
      expect(result.body.qrcode).toBe(`https://sandbox.example/wallet/qr/${syssn}`);
      const index = await (await fetch(`${sandbox.url}/`)).json();
      expect(index.endpoints).toContain("/trade/v1/payment");
      expect((await fetch(`${sandbox.url}/elsewhere`)).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });

  it("leaves no timer, socket or server behind after close(), even with retries and holds pending", async () => {
    await new Promise((resolve) => setTimeout(resolve, 50)); // let earlier tests' sockets finish closing
    const before = resources();
    const receiver = await startReceiver([{ status: 500, body: "" }]);
    const sandbox = await startTestSandbox({ notifyTimeScale: 1 });
    sandbox.setNotifyUrl(MERCHANT.appCode, receiver.url);
    await paidPayment(sandbox);
    await receiver.waitFor(1);
    const { syssn } = await createPayment(sandbox);
    sandbox.control.hold(syssn, 60_000);
    sandbox.control.faults.set({ outOfOrder: true });
    await paidPayment(sandbox);
    expect(resources().Timeout ?? 0).toBeGreaterThan(before.Timeout ?? 0);
    await sandbox.close();
    await sandbox.close(); // a second close is harmless
    await receiver.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = resources();
    for (const kind of ["Timeout", "TCPServerWrap", "TCPSocketWrap"]) {
      expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(before[kind] ?? 0);
    }
  });

  it("refuses bad options with SandboxConfigError", async () => {
    await expect(startSandbox({ merchants: [] })).rejects.toThrow(SandboxConfigError);
    await expect(startSandbox({ merchants: [{ appCode: "A", clientKey: "" }] })).rejects.toThrow(/clientKey/);
    await expect(
      startSandbox({
        merchants: [
          { appCode: "A", clientKey: "K" },
          { appCode: "A", clientKey: "L" },
        ],
      }),
    ).rejects.toThrow(/twice/);
    await expect(startSandbox({ merchants: [{ appCode: "A", clientKey: "K", notifyUrl: "ftp://x" }] })).rejects.toThrow(/http/);
    await expect(startSandbox({ port: 70_000, merchants: [{ appCode: "A", clientKey: "K" }] })).rejects.toThrow(/port/);
  });

  it("refuses a port that is taken", async () => {
    const first = await startTestSandbox();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startSandbox({ port, merchants: [{ appCode: "A", clientKey: "K" }] })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
