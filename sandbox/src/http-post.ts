import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface PostResult {
  status: number;
  body: string;
}

/**
 * One JSON POST with a fresh connection (no keep-alive agent, so nothing stays open after the sandbox closes).
 * Rejects on network errors, on timeout and when `signal` aborts.
 */
export function postJson(url: string, body: string, headers: Readonly<Record<string, string>>, signal: AbortSignal, timeoutMs = 10_000): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(
      target,
      {
        method: "POST",
        agent: false,
        signal,
        timeout: timeoutMs,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          connection: "close",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}
