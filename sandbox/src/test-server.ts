import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the test server received it, body read in full. */
export interface Received {
  method: string;
  /** The request target as sent: path and query string. */
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** When the whole request had arrived, ms since the epoch. */
  at: number;
}

export type Reply = (request: Received, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request so far, oldest first. */
  received: Received[];
  /** Cuts open connections and stops listening. */
  close(): Promise<void>;
}

/**
 * A throw-away HTTP server for tests on 127.0.0.1 and a free port: records each request, then answers it with
 * `reply` (which may also leave it unanswered, to test time-outs).
 */
export async function startTestServer(reply: Reply): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry: Received = {
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      received.push(entry);
      void reply(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
