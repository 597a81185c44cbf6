import { join } from "node:path";
import type { Sandbox } from "@qfpay-medusa/sandbox";
import { startMedusa, type RunningMedusa } from "./medusa.js";
import { prepareMedusa, type SeedState } from "./medusa-data.js";
import { DEMO_DIR, medusaUrl, type MedusaSetup, type WorkerMode } from "./medusa-env.js";
import { assertPortFree, findFreePort, HOST } from "./ports.js";
import { externalDatabase, startEmbeddedPostgres, type Database } from "./postgres.js";
import type { QfpayConnection } from "./qfpay-connection.js";
import { startRedis } from "./redis.js";
import { notifyUrlFor, startDemoSandbox } from "./sandbox.js";
import { startStorefront } from "./storefront.js";

/** A port to use, or 0 for any free one. Each comes with the variable that sets it, for error messages. */
export type StackPorts = { medusa: number; storefront: number; sandbox: number; postgres: number };

export const PORT_VARIABLES: Readonly<Record<keyof StackPorts, string>> = {
  medusa: "MEDUSA_PORT",
  storefront: "STOREFRONT_PORT",
  sandbox: "SANDBOX_PORT",
  postgres: "POSTGRES_PORT",
};

export const DEFAULT_PORTS: Readonly<StackPorts> = { medusa: 9000, storefront: 8000, sandbox: 9100, postgres: 54329 };

export type StackOptions = {
  /** Postgres data, Redis's folder, logs, the seed marker and the session secrets. Default demo/.pgdata. */
  stateDir?: string;
  ports?: Partial<StackPorts>;
  /** Use this Postgres instead of starting the embedded one. */
  databaseUrl?: string;
  /** A real QFPay environment; when absent the sandbox is started. */
  qfpay?: QfpayConnection;
  adminEnabled?: boolean;
  storefrontEnabled?: boolean;
  /** Scales the sandbox's notification retry schedule (tests use a small number). */
  notifyTimeScale?: number;
  /**
   * Medusa's Redis modules (cache, locking, event bus, workflow engine): `true` starts a scratch
   * redis-server in the state folder, `{ url }` uses that Redis. Without it the in-memory ones.
   */
  redis?: boolean | { url: string };
  /**
   * How many `medusa start` processes share the one database (default 1); migrated and seeded once.
   * They listen on ports.medusa and the ports after it (any free ones with 0).
   */
  medusaInstances?: number;
  /** Each instance's worker mode, by index; "shared" (API and scheduled jobs) for any not given. */
  workerModes?: WorkerMode[];
  /** The instance (index) the sandbox's notifications go to; default 0. */
  notifyInstance?: number;
  /** Extra environment for Medusa only. */
  medusaEnv?: NodeJS.ProcessEnv;
  /** Progress lines ("Postgres ready", ...). */
  onProgress?: (line: string) => void;
  /** Aborting stops the start after the current step and stops what had started. */
  signal?: AbortSignal;
};

export type Stack = {
  /** The first instance's URL (medusaUrls[0]). */
  medusaUrl: string;
  medusaUrls: string[];
  /** The Medusa instances, for fault tests: `medusa[1].kill("SIGKILL")`, then `medusa[1].restart()`. */
  medusa: RunningMedusa[];
  /** null without the redis option. */
  redisUrl: string | null;
  /** null when the storefront was not started. */
  storefrontUrl: string | null;
  adminUrl: string | null;
  /** null when a real QFPay environment is used. */
  sandbox: Sandbox | null;
  qfpayBaseUrl: string;
  /** What Medusa's provider is configured with (holds the client key: never print it). */
  qfpay: QfpayConnection;
  publishableKey: string;
  regions: SeedState["regions"];
  admin: SeedState["admin"];
  databaseUrl: string;
  /** The first instance's log (medusaLogFiles[0]). */
  medusaLogFile: string;
  medusaLogFiles: string[];
  stop(): Promise<void>;
};

const SERVICE_NAMES: Readonly<Record<keyof StackPorts, string>> = {
  medusa: "Medusa",
  storefront: "the storefront",
  sandbox: "the QFPay sandbox",
  postgres: "the embedded Postgres",
};

async function resolvePorts(wanted: Partial<StackPorts>, needed: (keyof StackPorts)[]): Promise<StackPorts> {
  const ports = { ...DEFAULT_PORTS, ...wanted };
  for (const name of needed) {
    if (ports[name] === 0) ports[name] = await findFreePort();
    else await assertPortFree(ports[name], SERVICE_NAMES[name], PORT_VARIABLES[name]);
  }
  return ports;
}

/** The ports of the instances after the first: the next ones after a fixed port, free ones after 0. */
async function furtherMedusaPorts(wanted: number, first: number, count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 1; i < count; i++) {
    if (wanted === 0) {
      ports.push(await findFreePort());
    } else {
      await assertPortFree(first + i, `Medusa instance ${i + 1}`, PORT_VARIABLES.medusa);
      ports.push(first + i);
    }
  }
  return ports;
}

function checkedInstanceOptions(options: StackOptions): { instances: number; notifyInstance: number } {
  const instances = options.medusaInstances ?? 1;
  if (!Number.isInteger(instances) || instances < 1) throw new Error(`medusaInstances must be a whole number from 1, got ${instances}`);
  const notifyInstance = options.notifyInstance ?? 0;
  if (!Number.isInteger(notifyInstance) || notifyInstance < 0 || notifyInstance >= instances) {
    throw new Error(`notifyInstance must be an instance index from 0 to ${instances - 1}, got ${notifyInstance}`);
  }
  return { instances, notifyInstance };
}

/** Starts every instance at once; if one fails, the others are stopped and the first failure thrown. */
async function startInstances(setups: MedusaSetup[], signal: AbortSignal): Promise<RunningMedusa[]> {
  const results = await Promise.allSettled(setups.map((setup) => startMedusa(setup, undefined, signal)));
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) {
    await Promise.all(started.map((medusa) => medusa.stop()));
    throw failure.reason;
  }
  return started;
}

/**
 * Brings up Postgres, Redis (when asked), the QFPay sandbox (unless a real QFPay is given), Medusa
 * with the plugin (migrated and seeded once, then one or more instances) and the storefront.
 * `stop()` ends all of it, newest first; a failure while starting stops what had started and rethrows.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const stateDir = options.stateDir ?? join(DEMO_DIR, ".pgdata");
  const signal = options.signal ?? new AbortController().signal;
  const log = options.onProgress ?? (() => undefined);
  const progress = (line: string) => {
    log(line);
    signal.throwIfAborted();
  };
  const { instances, notifyInstance } = checkedInstanceOptions(options);
  const storefrontEnabled = options.storefrontEnabled ?? true;
  const needed: (keyof StackPorts)[] = ["medusa"];
  if (storefrontEnabled) needed.push("storefront");
  if (!options.qfpay) needed.push("sandbox");
  if (!options.databaseUrl) needed.push("postgres");
  const ports = await resolvePorts(options.ports ?? {}, needed);
  const medusaPorts = [ports.medusa, ...(await furtherMedusaPorts(options.ports?.medusa ?? DEFAULT_PORTS.medusa, ports.medusa, instances))];

  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse().splice(0)) await stop().catch(() => undefined);
  };

  try {
    let database: Database;
    if (options.databaseUrl) {
      database = externalDatabase(options.databaseUrl);
    } else {
      database = await startEmbeddedPostgres(join(stateDir, "postgres"), ports.postgres);
      stoppers.push(() => database.stop());
    }
    progress(`Postgres ready (${database.embedded ? "embedded" : "external"})`);

    let redisUrl: string | null = null;
    if (options.redis === true) {
      const redis = await startRedis({ port: 0, dir: join(stateDir, "redis") });
      stoppers.push(() => redis.stop());
      redisUrl = redis.url;
    } else if (options.redis) {
      redisUrl = options.redis.url;
    }
    if (redisUrl) progress(`Redis ready at ${redisUrl}${options.redis === true ? "" : " (external)"}`);

    const urls = medusaPorts.map(medusaUrl);
    let sandbox: Sandbox | null = null;
    let qfpay = options.qfpay;
    if (!qfpay) {
      const started = await startDemoSandbox({
        port: ports.sandbox,
        medusaUrl: urls[notifyInstance]!,
        ...(options.notifyTimeScale !== undefined ? { notifyTimeScale: options.notifyTimeScale } : {}),
      });
      sandbox = started.sandbox;
      qfpay = started.connection;
      stoppers.push(() => started.sandbox.close());
      progress(`QFPay sandbox ready at ${sandbox.url} (notifications to ${notifyUrlFor(urls[notifyInstance]!)})`);
    }

    const storefrontUrl = storefrontEnabled ? `http://${HOST}:${ports.storefront}` : null;
    const adminEnabled = options.adminEnabled ?? true;
    const setups: MedusaSetup[] = medusaPorts.map((port, i) => ({
      port,
      databaseUrl: database.url,
      stateDir,
      storefrontUrl: storefrontUrl ?? "",
      adminEnabled,
      qfpay: qfpay!,
      workerMode: options.workerModes?.[i] ?? "shared",
      name: i === 0 ? "medusa" : `medusa-${i + 1}`,
      ...(redisUrl ? { redisUrl } : {}),
      ...(options.medusaEnv ? { extraEnv: options.medusaEnv } : {}),
    }));
    const { seed, reused } = await prepareMedusa(setups[0]!);
    progress(reused ? "Medusa data from an earlier start reused" : "Medusa migrated and seeded");
    const medusa = await startInstances(setups, signal);
    stoppers.push(() => Promise.all(medusa.map((instance) => instance.stop())).then(() => undefined));
    progress(`Medusa ready at ${urls.join(", ")}`);

    if (storefrontUrl) {
      const storefront = await startStorefront(
        ports.storefront,
        {
          medusaUrl: urls[0]!,
          publishableKey: seed.publishableKey,
          redirectOrigins: sandbox ? [sandbox.url] : [],
        },
        join(stateDir, "storefront-build"),
      );
      stoppers.push(() => storefront.stop());
      progress(`Storefront ready at ${storefront.url}`);
    }

    return {
      medusaUrl: urls[0]!,
      medusaUrls: urls,
      medusa,
      redisUrl,
      storefrontUrl,
      adminUrl: adminEnabled ? `${urls[0]}/app` : null,
      sandbox,
      qfpayBaseUrl: qfpay.baseUrl,
      qfpay,
      publishableKey: seed.publishableKey,
      regions: seed.regions,
      admin: seed.admin,
      databaseUrl: database.url,
      medusaLogFile: medusa[0]!.logFile,
      medusaLogFiles: medusa.map((instance) => instance.logFile),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
