import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What Medusa signs admin and customer sessions with (JWT_SECRET, COOKIE_SECRET). */
export type SessionSecrets = { jwtSecret: string; cookieSecret: string };

const FILE_NAME = "session-secrets.json";

function generated(): SessionSecrets {
  return { jwtSecret: randomBytes(32).toString("hex"), cookieSecret: randomBytes(32).toString("hex") };
}

function readSecrets(path: string): SessionSecrets | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<SessionSecrets>;
    return parsed.jwtSecret && parsed.cookieSecret ? { jwtSecret: parsed.jwtSecret, cookieSecret: parsed.cookieSecret } : null;
  } catch {
    return null;
  }
}

/**
 * The secrets of this state folder: random on the first start, then read back (so sessions survive
 * a restart and every Medusa instance of the stack accepts the others' tokens). The file is 0600.
 */
export function sessionSecrets(stateDir: string): SessionSecrets {
  const path = join(stateDir, FILE_NAME);
  const existing = readSecrets(path);
  if (existing) return existing;
  mkdirSync(stateDir, { recursive: true });
  try {
    // "wx": of two starts racing, the first one's secrets win and the other reads them.
    writeFileSync(path, JSON.stringify(generated(), null, 2), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const written = readSecrets(path);
  if (!written) throw new Error(`${path} holds no jwtSecret and cookieSecret: delete it to have new ones made`);
  return written;
}
