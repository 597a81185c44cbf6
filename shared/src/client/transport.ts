import type { EndpointName } from "./errors.js";
import { QfpayTransportError } from "./errors.js";

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
}

export interface SendOptions {
  endpoint: EndpointName;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** Error codes of a connection that failed before any byte of the request left this machine. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Thrown by `send`: whether QFPay may have received the request decides whether it may be sent again. */
export class SendError extends QfpayTransportError {
  constructor(
    endpoint: EndpointName,
    kind: "timeout" | "network",
    message: string,
    readonly requestMayHaveBeenSent: boolean,
    cause: unknown,
  ) {
    super(endpoint, kind, message, undefined, { cause });
  }
}

/** One HTTP exchange, body read in full, the whole of it under one time-out. */
export async function send(options: SendOptions): Promise<RawAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(options.url, { ...options.init, signal: controller.signal });
    const body = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new SendError(options.endpoint, "timeout", `no answer within ${options.timeoutMs} ms`, true, error);
    }
    const code = errorCode(error);
    const notSent = code !== undefined && NOT_SENT_CODES.has(code);
    throw new SendError(
      options.endpoint,
      "network",
      `network failure${code ? ` (${code})` : ""}${notSent ? " before the request was sent" : ""}`,
      !notSent,
      error,
    );
  } finally {
    clearTimeout(timer);
  }
}
