import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TestProject } from "vitest/node"
import { startStack } from "@qfpay-medusa/demo/launcher"
import type { StackInfo } from "./stack-info.js"

/** Notification retries 1000 times faster than QFPay's (2 min becomes 120 ms). */
const NOTIFY_TIME_SCALE = 0.001

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stateDir = mkdtempSync(join(tmpdir(), "qfpay-medusa-test-"))
  const started = Date.now()
  const stack = await startStack({
    stateDir,
    ports: { medusa: 0, storefront: 0, sandbox: 0, postgres: 0 },
    adminEnabled: false,
    notifyTimeScale: NOTIFY_TIME_SCALE,
    onProgress: (line) => console.log(`[stack +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`),
  })
  const info: StackInfo = {
    medusaUrl: stack.medusaUrl,
    storefrontUrl: stack.storefrontUrl!,
    sandboxUrl: stack.sandbox!.url,
    publishableKey: stack.publishableKey,
    regions: stack.regions,
    admin: stack.admin,
    databaseUrl: stack.databaseUrl,
    stateDir,
    medusaLogFile: stack.medusaLogFile,
  }
  project.provide("stack", info)
  return async () => {
    await stack.stop()
    if (!process.env.KEEP_TEST_STATE) rmSync(stateDir, { recursive: true, force: true })
  }
}
