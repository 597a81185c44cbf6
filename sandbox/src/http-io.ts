import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`request body above ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** Form fields of a POST body, or the query string of a GET; the first value wins for repeated names. */
export function formParams(request: IncomingMessage, body: Buffer): Record<string, string> {
  const url = new URL(request.url ?? "/", "http://sandbox");
  const source = request.method === "GET" ? url.searchParams : new URLSearchParams(body.toString("utf8"));
  const params: Record<string, string> = {};
  for (const [name, value] of source) if (!(name in params)) params[name] = value;
  return params;
}

export function send(response: ServerResponse, status: number, body: string | Buffer, headers: Readonly<Record<string, string>>): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  response.writeHead(status, { ...headers, "content-length": String(bytes.length) });
  response.end(bytes);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), { "content-type": "application/json; charset=utf-8" });
}

/** 303 See Other: where a browser goes after posting a form. */
export function redirect(response: ServerResponse, location: string): void {
  send(response, 303, "", { location });
}
