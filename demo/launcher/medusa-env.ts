import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HOST } from "./ports.js";
import type { QfpayConnection } from "./qfpay-connection.js";
import { sessionSecrets } from "./session-secrets.js";

/** The Medusa app this launcher runs (the folder holding medusa-config.ts). */
export const DEMO_DIR = fileURLToPath(new URL("..", import.meta.url));
export const MEDUSA_BIN = join(DEMO_DIR, "node_modules", ".bin", "medusa");
const ONE_MEDUSA_COPY = join(DEMO_DIR, "launcher", "one-medusa-copy.cjs");

/** Medusa's `workerMode`: "shared" serves HTTP and runs subscribers and scheduled jobs. */
export type WorkerMode = "shared" | "worker" | "server";

export type MedusaSetup = {
  port: number;
  databaseUrl: string;
  /** Where logs, the seed marker and the session secrets go. */
  stateDir: string;
  storefrontUrl: string;
  adminEnabled: boolean;
  qfpay: QfpayConnection;
  /** Medusa's Redis modules (cache, locking, event bus, workflow engine) use this Redis; in-memory ones without. */
  redisUrl?: string;
  /** Default "shared". */
  workerMode?: WorkerMode;
  /** Names the log file (logs/<name>.log); default "medusa". */
  name?: string;
  /** Extra variables for Medusa's environment (tests use it for bad provider options). */
  extraEnv?: NodeJS.ProcessEnv;
};

export function medusaUrl(port: number): string {
  return `http://${HOST}:${port}`;
}

/** The environment medusa-config.ts reads. */
export function medusaEnv(setup: MedusaSetup): NodeJS.ProcessEnv {
  const url = medusaUrl(setup.port);
  const secrets = sessionSecrets(setup.stateDir);
  return {
    ...process.env,
    NODE_ENV: "development",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${ONE_MEDUSA_COPY}`].filter(Boolean).join(" "),
    MEDUSA_DISABLE_TELEMETRY: "true",
    HOST,
    PORT: String(setup.port),
    DATABASE_URL: setup.databaseUrl,
    // Set or emptied, never inherited: without the option this stack has no Redis.
    REDIS_URL: setup.redisUrl ?? "",
    MEDUSA_WORKER_MODE: setup.workerMode ?? "shared",
    STORE_CORS: setup.storefrontUrl,
    ADMIN_CORS: url,
    AUTH_CORS: `${url},${setup.storefrontUrl}`,
    MEDUSA_BACKEND_URL: url,
    MEDUSA_ADMIN_DISABLED: String(!setup.adminEnabled),
    JWT_SECRET: secrets.jwtSecret,
    COOKIE_SECRET: secrets.cookieSecret,
    QFPAY_APP_CODE: setup.qfpay.appCode,
    QFPAY_CLIENT_KEY: setup.qfpay.clientKey,
    QFPAY_MCHID: setup.qfpay.mchid ?? "",
    QFPAY_BASE_URL: setup.qfpay.baseUrl,
    ...setup.extraEnv,
  };
}
