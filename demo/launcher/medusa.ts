import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { createHash, randomBytes } from "node:crypto"
import { fileURLToPath } from "node:url"
import { logTail, runToCompletion, spawnManaged, type ManagedProcess } from "./managed-process.js"
import { HOST } from "./ports.js"
import type { QfpayConnection } from "./qfpay-connection.js"
import { sessionSecrets } from "./session-secrets.js"

/** The Medusa app this launcher runs (the folder holding medusa-config.ts). */
export const DEMO_DIR = fileURLToPath(new URL("..", import.meta.url))
const MEDUSA_BIN = join(DEMO_DIR, "node_modules", ".bin", "medusa")
const ONE_MEDUSA_COPY = join(DEMO_DIR, "launcher", "one-medusa-copy.cjs")

export type MedusaSetup = {
  port: number
  databaseUrl: string
  /** Where logs, the seed marker and the session secrets go. */
  stateDir: string
  storefrontUrl: string
  adminEnabled: boolean
  qfpay: QfpayConnection
  /** Extra variables for Medusa's environment (tests use it for bad provider options). */
  extraEnv?: NodeJS.ProcessEnv
}

export type SeedState = {
  publishableKey: string
  regions: { id: string; name: string; currency_code: string }[]
  admin: { email: string; password: string }
}

export type RunningMedusa = {
  url: string
  process: ManagedProcess
  logFile: string
  stop(): Promise<void>
}

export class MedusaStartError extends Error {
  constructor(message: string, readonly logFile: string) {
    super(message)
    this.name = "MedusaStartError"
  }
}

export function medusaUrl(port: number): string {
  return `http://${HOST}:${port}`
}

function medusaEnv(setup: MedusaSetup): NodeJS.ProcessEnv {
  const url = medusaUrl(setup.port)
  const secrets = sessionSecrets(setup.stateDir)
  return {
    ...process.env,
    NODE_ENV: "development",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${ONE_MEDUSA_COPY}`].filter(Boolean).join(" "),
    MEDUSA_DISABLE_TELEMETRY: "true",
    HOST,
    PORT: String(setup.port),
    DATABASE_URL: setup.databaseUrl,
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
  }
}

/** Empties a log file so its tail speaks of this run only. */
function freshLog(path: string): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, "")
  return path
}

function markerPath(setup: MedusaSetup): string {
  // One marker per database, so an external DATABASE_URL does not reuse the embedded one's.
  const id = createHash("sha256").update(setup.databaseUrl).digest("hex").slice(0, 12)
  return join(setup.stateDir, `seed-${id}.json`)
}

function medusaVersion(): string {
  const pkg = join(DEMO_DIR, "node_modules", "@medusajs", "medusa", "package.json")
  return (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version
}

type Marker = SeedState & { medusaVersion: string }

function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Marker
  } catch {
    return null
  }
}

/**
 * Migrates and seeds once per database (and again after a Medusa upgrade); later starts read the marker.
 */
export async function prepareMedusa(setup: MedusaSetup): Promise<{ seed: SeedState; reused: boolean }> {
  mkdirSync(setup.stateDir, { recursive: true })
  const marker = markerPath(setup)
  const version = medusaVersion()
  const previous = readMarker(marker)
  if (previous && previous.medusaVersion === version) return { seed: previous, reused: true }

  const env = medusaEnv(setup)
  const logFile = freshLog(join(setup.stateDir, "logs", "medusa-setup.log"))
  await runToCompletion({ what: "Medusa migrations", command: MEDUSA_BIN, args: ["db:migrate"], cwd: DEMO_DIR, env, logFile })

  const admin = previous?.admin ?? {
    email: process.env.ADMIN_EMAIL || "admin@qfpay-demo.local",
    password: process.env.ADMIN_PASSWORD || randomBytes(9).toString("base64url"),
  }
  const seedOutput = join(setup.stateDir, "seed-output.json")
  await runToCompletion({
    what: "Seeding the demo store",
    command: MEDUSA_BIN,
    args: ["exec", "./src/scripts/seed.ts"],
    cwd: DEMO_DIR,
    env: { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_OUTPUT: seedOutput },
    logFile,
  })
  const seeded = JSON.parse(readFileSync(seedOutput, "utf8")) as { publishableKey: string; regions: SeedState["regions"]; adminEmail: string }
  const state: Marker = {
    publishableKey: seeded.publishableKey,
    regions: seeded.regions,
    admin: { email: seeded.adminEmail, password: admin.password },
    medusaVersion: version,
  }
  writeFileSync(marker, JSON.stringify(state, null, 2), { mode: 0o600 })
  return { seed: state, reused: false }
}

async function waitForHealth(url: string, proc: ManagedProcess, logFile: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (signal?.aborted) {
      await proc.stop()
      signal.throwIfAborted()
    }
    if (proc.hasExited()) {
      const code = await proc.exited
      throw new MedusaStartError(`Medusa stopped while starting (exit ${code}). Last lines of ${logFile}:\n${logTail(logFile)}`, logFile)
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  await proc.stop()
  throw new MedusaStartError(`Medusa did not answer ${url}/health within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${logTail(logFile)}`, logFile)
}

export async function startMedusa(setup: MedusaSetup, timeoutMs = 180_000, signal?: AbortSignal): Promise<RunningMedusa> {
  const url = medusaUrl(setup.port)
  const logFile = freshLog(join(setup.stateDir, "logs", "medusa.log"))
  const proc = spawnManaged({ command: MEDUSA_BIN, args: ["start"], cwd: DEMO_DIR, env: medusaEnv(setup), logFile })
  await waitForHealth(url, proc, logFile, timeoutMs, signal)
  return { url, process: proc, logFile, stop: () => proc.stop() }
}
