import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, type Stack } from "@qfpay-medusa/demo/launcher";
import { stackInfoOf } from "./global-setup.js";
import { QfpayWireRecorder } from "./qfpay-wire-recorder.js";
import { SandboxClient } from "./sandbox-client.js";
import type { StackInfo } from "./stack-info.js";

/** Notification retries 1000 times faster than QFPay's, as in the default test stack. */
const NOTIFY_TIME_SCALE = 0.001;

/** Scale runs start no storefront; a QR checkout's return URL is never opened, it only has to be a URL. */
const RETURN_URL_ORIGIN = "http://shop.test";

export type ScaleStack = {
  stack: Stack;
  /** One StackInfo per Medusa instance (same database, sandbox and keys; `medusaUrl` differs), for the helpers in checkout.ts. */
  instances: StackInfo[];
  sandbox: SandboxClient;
  /** Every request Medusa sent to QFPay. */
  wire: QfpayWireRecorder;
  stateDir: string;
  stop(): Promise<void>;
};

export type ScaleStackOptions = {
  /** Medusa instances sharing one Postgres and (unless `redis: false`) one Redis; default 2. */
  instances?: number;
  /** Medusa's Redis modules; default true. */
  redis?: boolean;
  /** The instance QFPay's notifications go to; default 1 (the storefront and most tabs use 0). */
  notifyInstance?: number;
  /** Merchant options merged over the demo's (QFPAY_PROVIDER_OPTIONS). */
  providerOptions?: Record<string, unknown>;
  log?: (line: string) => void;
};

/**
 * A stack of its own for scale tests and the benchmark: Postgres, Redis, several Medusa instances and the
 * QFPay sandbox, with a wire recorder between Medusa and the sandbox. Logs stay in `stateDir/logs` when
 * KEEP_TEST_STATE is set.
 */
export async function startScaleStack(options: ScaleStackOptions = {}): Promise<ScaleStack> {
  const stateDir = mkdtempSync(join(tmpdir(), "qfpay-medusa-scale-"));
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.log(`[stack +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`));
  const wire = await QfpayWireRecorder.start();
  let stack: Stack;
  try {
    stack = await startStack({
      stateDir,
      ports: { medusa: 0, storefront: 0, sandbox: 0, postgres: 0 },
      adminEnabled: false,
      storefrontEnabled: false,
      notifyTimeScale: NOTIFY_TIME_SCALE,
      redis: options.redis ?? true,
      medusaInstances: options.instances ?? 2,
      notifyInstance: options.notifyInstance ?? 1,
      medusaEnv: {
        QFPAY_BASE_URL: wire.url,
        ...(options.providerOptions ? { QFPAY_PROVIDER_OPTIONS: JSON.stringify(options.providerOptions) } : {}),
      },
      onProgress: log,
    });
  } catch (error) {
    await wire.close();
    throw error;
  }
  wire.forwardTo(stack.sandbox!.url);
  const instances = stack.medusaUrls.map((medusaUrl, i): StackInfo => ({
    ...stackInfoOf(stack, stateDir),
    medusaUrl,
    storefrontUrl: RETURN_URL_ORIGIN,
    medusaLogFile: stack.medusaLogFiles[i]!,
  }));
  return {
    stack,
    instances,
    sandbox: new SandboxClient(stack.sandbox!.url),
    wire,
    stateDir,
    async stop() {
      await stack.stop();
      await wire.close();
      if (process.env.KEEP_TEST_STATE) console.log(`scale stack state (logs/medusa*.log) kept in ${stateDir}`);
      else rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
