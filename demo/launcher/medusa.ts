import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { freshLog, logTail, spawnManaged, type ManagedProcess } from "./managed-process.js";
import { DEMO_DIR, MEDUSA_BIN, medusaEnv, medusaUrl, type MedusaSetup } from "./medusa-env.js";

export type RunningMedusa = {
  url: string;
  port: number;
  logFile: string;
  /** The current `medusa start` process (a new one after restart()). */
  readonly process: ManagedProcess;
  /** Signals its whole process group and waits until it is gone; SIGKILL (the default) is a crash, with no shutdown. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port with the same environment (stopping it first if it still runs). */
  restart(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

export class MedusaStartError extends Error {
  constructor(
    message: string,
    readonly logFile: string,
  ) {
    super(message);
    this.name = "MedusaStartError";
  }
}

async function waitForHealth(url: string, proc: ManagedProcess, logFile: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) {
      await proc.stop();
      signal.throwIfAborted();
    }
    if (proc.hasExited()) {
      const code = await proc.exited;
      throw new MedusaStartError(`Medusa stopped while starting (exit ${code}). Last lines of ${logFile}:\n${logTail(logFile)}`, logFile);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await proc.stop();
  throw new MedusaStartError(`Medusa did not answer ${url}/health within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${logTail(logFile)}`, logFile);
}

/** Runs `medusa start` with this setup and resolves once `/health` answers. */
export async function startMedusa(setup: MedusaSetup, timeoutMs = 180_000, signal?: AbortSignal): Promise<RunningMedusa> {
  const url = medusaUrl(setup.port);
  const logFile = freshLog(join(setup.stateDir, "logs", `${setup.name ?? "medusa"}.log`));
  const env = medusaEnv(setup);
  const launch = async (waitMs: number, abort?: AbortSignal) => {
    const proc = spawnManaged({ command: MEDUSA_BIN, args: ["start"], cwd: DEMO_DIR, env, logFile });
    await waitForHealth(url, proc, logFile, waitMs, abort);
    return proc;
  };
  let current = await launch(timeoutMs, signal);
  return {
    url,
    port: setup.port,
    logFile,
    get process() {
      return current;
    },
    async kill(killSignal = "SIGKILL") {
      current.signal(killSignal);
      await current.exited.catch(() => undefined);
    },
    async restart(waitMs = timeoutMs) {
      if (!current.hasExited()) await current.stop();
      appendFileSync(logFile, `\n--- restarted by the launcher at ${new Date().toISOString()} ---\n`);
      current = await launch(waitMs);
    },
    stop: () => current.stop(),
  };
}
