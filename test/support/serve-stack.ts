/**
 * Starts the test stack and keeps it running, for working on tests without a 2-minute start each time:
 *   node --import tsx support/serve-stack.ts /tmp/stack.json    (from test/, tsx from the demo package)
 *   TEST_STACK_INFO=/tmp/stack.json npx vitest run e2e/wechat-qr.test.ts
 * Ctrl-C stops it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestStack, stackInfoOf } from "./global-setup.js";

const infoFile = process.argv[2] ?? join(tmpdir(), "qfpay-medusa-test-stack.json");
const stateDir = mkdtempSync(join(tmpdir(), "qfpay-medusa-test-"));
const stack = await startTestStack(stateDir, (line) => console.log(line));
writeFileSync(infoFile, JSON.stringify(stackInfoOf(stack, stateDir), null, 2));
console.log(`stack info in ${infoFile}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(
    signal,
    () =>
      void stack.stop().then(() => {
        rmSync(stateDir, { recursive: true, force: true });
        process.exit(0);
      }),
  );
}
