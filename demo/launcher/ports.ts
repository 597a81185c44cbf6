import { createServer } from "node:net";

export const HOST = "127.0.0.1";

/** A port that is taken, named after what wanted it and the variable that moves it. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly service: string,
    readonly envVar: string,
  ) {
    super(`Port ${port} on ${HOST} is already in use, so ${service} cannot start there. Stop what uses it, or set ${envVar} to another port.`);
    this.name = "PortInUseError";
  }
}

function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE" || err.code === "EACCES") resolve(null);
      else reject(err);
    });
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

export async function assertPortFree(port: number, service: string, envVar: string): Promise<void> {
  if ((await tryListen(port)) === null) throw new PortInUseError(port, service, envVar);
}

/** A port the OS says is free right now (for tests, which run on random ports). */
export async function findFreePort(): Promise<number> {
  const port = await tryListen(0);
  if (port === null) throw new Error("No free port on " + HOST);
  return port;
}

/** Reads a port from the environment, with a clear error for anything but 1..65535. */
export function portFromEnv(envVar: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[envVar];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${envVar} must be a port number between 1 and 65535, got "${raw}"`);
  }
  return port;
}
