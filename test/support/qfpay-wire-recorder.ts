import type { ServerResponse } from "node:http";
import { startTestServer, type Received, type TestServer } from "@qfpay-medusa/sandbox/testing";

/** One request Medusa sent to QFPay, as it crossed the wire. */
export type WireRequest = {
  /** When it arrived, ms since the epoch. */
  at: number;
  /** e.g. "/trade/v1/query" */
  path: string;
  params: URLSearchParams;
};

/**
 * A pass-through between Medusa and the QFPay sandbox that notes every request (time, path, parameters), so a
 * test can tell what was asked about, not only how often. Started before the stack (Medusa is given its URL as
 * QFPAY_BASE_URL); `forwardTo` names the sandbox once it runs. The sandbox stays the judge of rate limits.
 */
export class QfpayWireRecorder {
  readonly requests: WireRequest[] = [];
  private target: string | undefined;

  private constructor(private readonly server: TestServer) {}

  static async start(): Promise<QfpayWireRecorder> {
    let recorder: QfpayWireRecorder | undefined;
    const server = await startTestServer((request, response) => recorder!.handle(request, response));
    recorder = new QfpayWireRecorder(server);
    return recorder;
  }

  get url(): string {
    return this.server.url;
  }

  forwardTo(sandboxUrl: string): void {
    this.target = sandboxUrl;
  }

  /** Requests to `path` that arrived from `since` (ms since the epoch) on. */
  to(path: string, since = 0): WireRequest[] {
    return this.requests.filter((request) => request.path === path && request.at >= since);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async handle(request: Received, response: ServerResponse): Promise<void> {
    const { at, body } = request;
    const url = new URL(request.path, "http://recorder");
    const params = new URLSearchParams(url.search);
    if (String(request.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
      for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
    }
    this.requests.push({ at, path: url.pathname, params });
    if (!this.target) {
      response.writeHead(502).end("the recorder has no sandbox to forward to yet");
      return;
    }
    try {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length", "transfer-encoding"].includes(name)),
      ) as Record<string, string>;
      const answer = await fetch(this.target + request.path, {
        method: request.method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const answerBody = Buffer.from(await answer.arrayBuffer());
      const answerHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name)) answerHeaders[name] = value;
      });
      response.writeHead(answer.status, answerHeaders).end(answerBody);
    } catch (error) {
      response.writeHead(502).end(`recorder: ${(error as Error).message}`);
    }
  }
}

/** The out_trade_nos a `/trade/v1/query` asked about (empty for a time-window query). */
export function queriedOutTradeNos(request: WireRequest): string[] {
  return (request.params.get("out_trade_no") ?? "").split(",").filter(Boolean);
}
