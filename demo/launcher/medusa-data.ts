import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { databaseIdentity } from "./database-identity.js";
import { freshLog, runToCompletion } from "./managed-process.js";
import { DEMO_DIR, MEDUSA_BIN, medusaEnv, type MedusaSetup } from "./medusa-env.js";

export type SeedState = {
  publishableKey: string;
  regions: { id: string; name: string; currency_code: string }[];
  admin: { email: string; password: string };
};

/** What the data were last migrated with: a change migrates again (and the seed, which is idempotent, reports). */
type MigratedWith = { medusaVersion: string; redisModules: boolean };

type Marker = SeedState & MigratedWith;

/**
 * One marker per database, named after an id stored in that database: the same data are recognised
 * whatever port or URL reaches them (an embedded Postgres moved to another port, a DATABASE_URL
 * pointing at the embedded data), so the admin password on record stays the one that logs in.
 */
async function markerPath(setup: MedusaSetup): Promise<string> {
  return join(setup.stateDir, `seed-${await databaseIdentity(setup.databaseUrl)}.json`);
}

function medusaVersion(): string {
  const pkg = join(DEMO_DIR, "node_modules", "@medusajs", "medusa", "package.json");
  return (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
}

function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Marker;
  } catch {
    return null;
  }
}

function upToDate(marker: Marker, wanted: MigratedWith): boolean {
  return marker.medusaVersion === wanted.medusaVersion && Boolean(marker.redisModules) === wanted.redisModules;
}

/**
 * Migrates and seeds once per database (and again after a Medusa upgrade or a switch to the Redis
 * modules); later starts read the marker.
 */
export async function prepareMedusa(setup: MedusaSetup): Promise<{ seed: SeedState; reused: boolean }> {
  mkdirSync(setup.stateDir, { recursive: true });
  const marker = await markerPath(setup);
  const wanted: MigratedWith = { medusaVersion: medusaVersion(), redisModules: Boolean(setup.redisUrl) };
  const previous = readMarker(marker);
  if (previous && upToDate(previous, wanted)) return { seed: previous, reused: true };

  const env = medusaEnv(setup);
  const logFile = freshLog(join(setup.stateDir, "logs", "medusa-setup.log"));
  await runToCompletion({ what: "Medusa migrations", command: MEDUSA_BIN, args: ["db:migrate"], cwd: DEMO_DIR, env, logFile });

  const admin = previous?.admin ?? {
    email: process.env.ADMIN_EMAIL || "admin@qfpay-demo.local",
    password: process.env.ADMIN_PASSWORD || randomBytes(9).toString("base64url"),
  };
  const seedOutput = join(setup.stateDir, "seed-output.json");
  await runToCompletion({
    what: "Seeding the demo store",
    command: MEDUSA_BIN,
    args: ["exec", "./src/scripts/seed.ts"],
    cwd: DEMO_DIR,
    env: { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_OUTPUT: seedOutput },
    logFile,
  });
  const seeded = JSON.parse(readFileSync(seedOutput, "utf8")) as { publishableKey: string; regions: SeedState["regions"]; adminEmail: string };
  const state: Marker = {
    publishableKey: seeded.publishableKey,
    regions: seeded.regions,
    admin: { email: seeded.adminEmail, password: admin.password },
    ...wanted,
  };
  writeFileSync(marker, JSON.stringify(state, null, 2), { mode: 0o600 });
  return { seed: state, reused: false };
}
