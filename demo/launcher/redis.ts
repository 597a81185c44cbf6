import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, statSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { logTail, spawnManaged, type ManagedProcess } from "./managed-process.js";
import { findFreePort, HOST } from "./ports.js";

export type RunningRedis = {
  /** redis://127.0.0.1:PORT, for Medusa's REDIS_URL. */
  url: string;
  logFile: string;
  stop(): Promise<void>;
};

/** Answers whether a Redis server on this port replies +PONG to PING. */
export function redisAnswersPing(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("latin1");
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

function redisArgs(port: number, dir: string): string[] {
  // A scratch server for one run: nothing written to disk, reachable from this machine only.
  return ["--port", String(port), "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"];
}

/** The unprivileged account a root process hands redis-server to if it will not run as root. */
function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  for (const name of ["redis", "nobody"]) {
    try {
      const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim()));
      return { name, uid: uid!, gid: gid! };
    } catch {
      // No such account.
    }
  }
  return null;
}

function assertRedisInstalled(): void {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error("redis-server is not installed: run `bash scripts/setup.sh --redis` (Debian's redis-server package)");
  }
}

async function waitForPing(port: number, proc: ManagedProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !proc.hasExited()) {
    if (await redisAnswersPing(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Runs `redis-server` on 127.0.0.1 (port 0: any free one) with its working folder in `dir`, and
 * resolves once it answers PING. Redis runs as root with a warning; should it refuse, it is run
 * again as an unprivileged account.
 */
export async function startRedis(options: { port: number; dir: string; timeoutMs?: number }): Promise<RunningRedis> {
  assertRedisInstalled();
  const port = options.port || (await findFreePort());
  const timeoutMs = options.timeoutMs ?? 15_000;
  mkdirSync(options.dir, { recursive: true });
  const logFile = join(options.dir, "redis.log");
  const args = redisArgs(port, options.dir);
  const spawnAs = (command: string, commandArgs: string[]) => spawnManaged({ command, args: commandArgs, cwd: options.dir, env: process.env, logFile });

  let proc = spawnAs("redis-server", args);
  let ready = await waitForPing(port, proc, timeoutMs);
  const user = !ready && proc.hasExited() && process.getuid?.() === 0 ? unprivilegedUser() : null;
  if (user) {
    chownSync(options.dir, user.uid, user.gid);
    // The account must be able to enter the state folder (mkdtemp makes 0700 folders).
    const parent = dirname(options.dir);
    chmodSync(parent, statSync(parent).mode | 0o011);
    proc = spawnAs("runuser", ["-u", user.name, "--", "redis-server", ...args]);
    ready = await waitForPing(port, proc, timeoutMs);
  }
  if (!ready) {
    await proc.stop(1_000);
    throw new Error(`Redis did not answer PING on ${HOST}:${port}. Last lines of ${logFile}:\n${logTail(logFile)}`);
  }
  return { url: `redis://${HOST}:${port}`, logFile, stop: () => proc.stop() };
}
