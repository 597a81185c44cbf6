import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "@qfpay-medusa/demo/launcher";
import type { StackInfo } from "./stack-info.js";

/** Carts whose email contains this fail their first completion after the payment was taken (the demo's fault hook). */
export const FAIL_FIRST_COMPLETION = "fail-first-completion";

/** Notification retries 1000 times faster than QFPay's (2 min becomes 120 ms). */
const NOTIFY_TIME_SCALE = 0.001;

export async function startTestStack(stateDir: string, log: (line: string) => void): Promise<Stack> {
  return startStack({
    stateDir,
    ports: { medusa: 0, storefront: 0, sandbox: 0, postgres: 0 },
    adminEnabled: false,
    notifyTimeScale: NOTIFY_TIME_SCALE,
    // A shopper's new code is allowed 1 s after the last (5 s by default), so refresh tests need not wait.
    medusaEnv: {
      QFPAY_PROVIDER_OPTIONS: JSON.stringify({ refreshCooldownSeconds: 1 }),
      // The demo's fault: the first completion of a cart whose email has this fails after the payment was taken.
      DEMO_FAIL_FIRST_COMPLETION_FOR: FAIL_FIRST_COMPLETION,
    },
    onProgress: log,
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // While working on tests: reuse a stack already running (see support/serve-stack.ts).
  if (process.env.TEST_STACK_INFO) {
    project.provide("stack", JSON.parse(readFileSync(process.env.TEST_STACK_INFO, "utf8")) as StackInfo);
    return async () => undefined;
  }
  const stateDir = mkdtempSync(join(tmpdir(), "qfpay-medusa-test-"));
  const started = Date.now();
  const stack = await startTestStack(stateDir, (line) => console.log(`[stack +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`));
  project.provide("stack", stackInfoOf(stack, stateDir));
  return async () => {
    await stack.stop();
    if (!process.env.KEEP_TEST_STATE) rmSync(stateDir, { recursive: true, force: true });
  };
}

export function stackInfoOf(stack: Stack, stateDir: string): StackInfo {
  return {
    medusaUrl: stack.medusaUrl,
    storefrontUrl: stack.storefrontUrl!,
    sandboxUrl: stack.sandbox!.url,
    publishableKey: stack.publishableKey,
    regions: stack.regions,
    admin: stack.admin,
    databaseUrl: stack.databaseUrl,
    stateDir,
    medusaLogFile: stack.medusaLogFile,
    qfpayClientKey: stack.qfpay.clientKey,
  };
}
