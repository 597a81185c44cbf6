import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type SpawnSpec = {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where stdout and stderr go (appended). */
  logFile: string;
};

/** A child in its own process group, so stopping it also stops whatever it forked. */
export type ManagedProcess = {
  readonly pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  hasExited(): boolean;
  /** Sends a signal to the whole group at once, with no grace (SIGKILL: as if it crashed). */
  signal(signal: NodeJS.Signals): void;
  stop(graceMs?: number): Promise<void>;
};

/** Empties a log file so its tail speaks of this run only. */
export function freshLog(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "");
  return path;
}

export function logTail(logFile: string, lines = 40): string {
  try {
    return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function spawnManaged(spec: SpawnSpec): ManagedProcess {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile, { flags: "a" });
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let done = false;
  // "close" comes after the child's output is drained; the log is then flushed before anyone reads it.
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      log.end(() => {
        done = true;
        resolve(code);
      });
    });
  });
  if (child.pid === undefined) throw new Error(`Could not start ${spec.command}`);
  const pid = child.pid;
  // Whatever ends this process (even a library's own exit handler), the child's group goes with it.
  const killOnExit = () => signalGroup(child, "SIGTERM");
  process.on("exit", killOnExit);
  exited.finally(() => process.off("exit", killOnExit)).catch(() => undefined);

  return {
    pid,
    exited,
    hasExited: () => done,
    signal: (signal) => signalGroup(child, signal),
    async stop(graceMs = 10_000) {
      if (!done) signalGroup(child, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
      await exited.catch(() => undefined);
      clearTimeout(timer);
      // Anything the child forked and left behind in its group.
      signalGroup(child, "SIGKILL");
    },
  };
}

/** Runs a command to the end; a non-zero exit throws with the tail of its log. */
export async function runToCompletion(spec: SpawnSpec & { what: string }): Promise<void> {
  const proc = spawnManaged(spec);
  const code = await proc.exited;
  if (code !== 0) {
    throw new Error(`${spec.what} failed (exit ${code}). Last lines of ${spec.logFile}:\n${logTail(spec.logFile)}`);
  }
}
