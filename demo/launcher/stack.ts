import { join } from "node:path"
import type { Sandbox } from "@qfpay-medusa/shared/sandbox"
import { DEMO_DIR, medusaUrl, prepareMedusa, startMedusa, type SeedState } from "./medusa.js"
import { assertPortFree, findFreePort, HOST } from "./ports.js"
import { externalDatabase, startEmbeddedPostgres, type Database } from "./postgres.js"
import type { QfpayConnection } from "./qfpay-connection.js"
import { startDemoSandbox } from "./sandbox.js"
import { startStorefront } from "./storefront.js"

/** A port to use, or 0 for any free one. Each comes with the variable that sets it, for error messages. */
export type StackPorts = { medusa: number; storefront: number; sandbox: number; postgres: number }

export const PORT_VARIABLES: Readonly<Record<keyof StackPorts, string>> = {
  medusa: "MEDUSA_PORT",
  storefront: "STOREFRONT_PORT",
  sandbox: "SANDBOX_PORT",
  postgres: "POSTGRES_PORT",
}

export const DEFAULT_PORTS: Readonly<StackPorts> = { medusa: 9000, storefront: 8000, sandbox: 9100, postgres: 54329 }

export type StackOptions = {
  /** Postgres data, logs and the seed marker. Default demo/.pgdata. */
  stateDir?: string
  ports?: Partial<StackPorts>
  /** Use this Postgres instead of starting the embedded one. */
  databaseUrl?: string
  /** A real QFPay environment; when absent the sandbox is started. */
  qfpay?: QfpayConnection
  adminEnabled?: boolean
  storefrontEnabled?: boolean
  /** Scales the sandbox's notification retry schedule (tests use a small number). */
  notifyTimeScale?: number
  /** Extra environment for Medusa only. */
  medusaEnv?: NodeJS.ProcessEnv
  /** Progress lines ("Postgres ready", ...). */
  onProgress?: (line: string) => void
  /** Aborting stops the start after the current step and stops what had started. */
  signal?: AbortSignal
}

export type Stack = {
  medusaUrl: string
  /** null when the storefront was not started. */
  storefrontUrl: string | null
  adminUrl: string | null
  /** null when a real QFPay environment is used. */
  sandbox: Sandbox | null
  qfpayBaseUrl: string
  /** What Medusa's provider is configured with (holds the client key: never print it). */
  qfpay: QfpayConnection
  publishableKey: string
  regions: SeedState["regions"]
  admin: SeedState["admin"]
  databaseUrl: string
  medusaLogFile: string
  stop(): Promise<void>
}

const SERVICE_NAMES: Readonly<Record<keyof StackPorts, string>> = {
  medusa: "Medusa",
  storefront: "the storefront",
  sandbox: "the QFPay sandbox",
  postgres: "the embedded Postgres",
}

async function resolvePorts(wanted: Partial<StackPorts>, needed: (keyof StackPorts)[]): Promise<StackPorts> {
  const ports = { ...DEFAULT_PORTS, ...wanted }
  for (const name of needed) {
    if (ports[name] === 0) ports[name] = await findFreePort()
    else await assertPortFree(ports[name], SERVICE_NAMES[name], PORT_VARIABLES[name])
  }
  return ports
}

/**
 * Brings up Postgres, the QFPay sandbox (unless a real QFPay is given), Medusa with the plugin
 * (migrated and seeded once) and the storefront. `stop()` ends all of it, newest first; a failure
 * while starting stops what had started and rethrows.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const stateDir = options.stateDir ?? join(DEMO_DIR, ".pgdata")
  const signal = options.signal ?? new AbortController().signal
  const log = options.onProgress ?? (() => undefined)
  const progress = (line: string) => {
    log(line)
    signal.throwIfAborted()
  }
  const storefrontEnabled = options.storefrontEnabled ?? true
  const needed: (keyof StackPorts)[] = ["medusa"]
  if (storefrontEnabled) needed.push("storefront")
  if (!options.qfpay) needed.push("sandbox")
  if (!options.databaseUrl) needed.push("postgres")
  const ports = await resolvePorts(options.ports ?? {}, needed)

  const stoppers: (() => Promise<void>)[] = []
  const stopAll = async () => {
    for (const stop of stoppers.reverse().splice(0)) await stop().catch(() => undefined)
  }

  try {
    let database: Database
    if (options.databaseUrl) {
      database = externalDatabase(options.databaseUrl)
    } else {
      database = await startEmbeddedPostgres(join(stateDir, "postgres"), ports.postgres)
      stoppers.push(() => database.stop())
    }
    progress(`Postgres ready (${database.embedded ? "embedded" : "external"})`)

    const url = medusaUrl(ports.medusa)
    let sandbox: Sandbox | null = null
    let qfpay = options.qfpay
    if (!qfpay) {
      const started = await startDemoSandbox({
        port: ports.sandbox,
        medusaUrl: url,
        ...(options.notifyTimeScale !== undefined ? { notifyTimeScale: options.notifyTimeScale } : {}),
      })
      sandbox = started.sandbox
      qfpay = started.connection
      stoppers.push(() => started.sandbox.close())
      progress(`QFPay sandbox ready at ${sandbox.url}`)
    }

    const storefrontUrl = storefrontEnabled ? `http://${HOST}:${ports.storefront}` : null
    const adminEnabled = options.adminEnabled ?? true
    const setup = {
      port: ports.medusa,
      databaseUrl: database.url,
      stateDir,
      storefrontUrl: storefrontUrl ?? "",
      adminEnabled,
      qfpay,
      ...(options.medusaEnv ? { extraEnv: options.medusaEnv } : {}),
    }
    const { seed, reused } = await prepareMedusa(setup)
    progress(reused ? "Medusa data from an earlier start reused" : "Medusa migrated and seeded")
    const medusa = await startMedusa(setup, undefined, signal)
    stoppers.push(() => medusa.stop())
    progress(`Medusa ready at ${medusa.url}`)

    if (storefrontUrl) {
      const storefront = await startStorefront(
        ports.storefront,
        {
          medusaUrl: medusa.url,
          publishableKey: seed.publishableKey,
          redirectOrigins: sandbox ? [sandbox.url] : [],
        },
        join(stateDir, "storefront-build"),
      )
      stoppers.push(() => storefront.stop())
      progress(`Storefront ready at ${storefront.url}`)
    }

    return {
      medusaUrl: medusa.url,
      storefrontUrl,
      adminUrl: adminEnabled ? `${medusa.url}/app` : null,
      sandbox,
      qfpayBaseUrl: qfpay.baseUrl,
      qfpay,
      publishableKey: seed.publishableKey,
      regions: seed.regions,
      admin: seed.admin,
      databaseUrl: database.url,
      medusaLogFile: medusa.logFile,
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
