import { afterAll, bench, describe } from "vitest";
import { startSandbox } from "./server.js";
import { createPayment, startTestSandbox } from "./test-support.js";

/**
 * Figures for the sandbox: how long a test waits for one to start and stop, and for one signed call.
 * Run: pnpm --filter @qfpay-medusa/sandbox bench
 */
describe("sandbox", () => {
  const shared = startTestSandbox();
  afterAll(async () => (await shared).close());

  bench("startSandbox + close", async () => {
    const sandbox = await startSandbox({ merchants: [{ appCode: "BENCH", clientKey: "KEY" }] });
    await sandbox.close();
  });

  bench("signed MPM payment request", async () => {
    await createPayment(await shared);
  });
});
