import { respcdField } from "../schemas/fields.js";
import { verify, type SignAlgorithm } from "../signing.js";
import { QfpayGatewayError, QfpayRateLimitError, QfpayTransportError, type EndpointName } from "./errors.js";
import { parseQfpayJson } from "./response-json.js";
import type { RawAnswer } from "./transport.js";

/** The JSON object QFPay answered, with its return code read. */
export interface Envelope {
  json: Record<string, unknown>;
  respcd: string;
}

const SUCCESS = "0000";
const IN_PROGRESS: ReadonlySet<string> = new Set(["1143", "1145"]);

export function badResponse(endpoint: EndpointName, message: string, status?: number): QfpayTransportError {
  return new QfpayTransportError(endpoint, "bad_response", message, status);
}

export function checkStatus(endpoint: EndpointName, answer: RawAnswer): void {
  if (answer.status >= 200 && answer.status < 300) return;
  if (answer.status === 429) throw new QfpayRateLimitError(endpoint, retryAfterSeconds(answer.headers.get("retry-after")));
  throw new QfpayTransportError(endpoint, "http_status", `HTTP ${answer.status}`, answer.status);
}

/**
 * QFPay signs answers as MD5(raw body + key). Unsigned answers pass (not every gateway signs every answer);
 * with SHA256 requests a SHA256 signature is accepted too.
 */
export function checkSignature(endpoint: EndpointName, answer: RawAnswer, key: string, signType: SignAlgorithm): void {
  const signature = answer.headers.get("x-qf-sign");
  if (signature === null) return;
  const valid = verify(answer.body, signature, key, "MD5") || (signType === "SHA256" && verify(answer.body, signature, key, "SHA256"));
  if (!valid) throw new QfpayTransportError(endpoint, "bad_signature", "answer's X-QF-SIGN does not match its body", answer.status);
}

/** The answer as a JSON object with a valid `respcd`; anything else is a `bad_response` (the body is never quoted). */
export function readEnvelope(endpoint: EndpointName, answer: RawAnswer): Envelope {
  let json: unknown;
  try {
    json = parseQfpayJson(new TextDecoder("utf-8", { fatal: true }).decode(answer.body));
  } catch {
    const contentType = answer.headers.get("content-type") ?? "no content type";
    throw badResponse(endpoint, `answer is not JSON (${contentType}, ${answer.body.length} bytes)`, answer.status);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw badResponse(endpoint, "answer is not a JSON object", answer.status);
  }
  const record = json as Record<string, unknown>;
  const respcd = respcdField.safeParse(record.respcd);
  if (!respcd.success) throw badResponse(endpoint, "answer has no valid respcd", answer.status);
  return { json: record, respcd: respcd.data };
}

/** The gateway error for a failure code; undefined for success and "still processing" (1143/1145). */
export function gatewayFailure(endpoint: EndpointName, envelope: Envelope): QfpayGatewayError | undefined {
  if (envelope.respcd === SUCCESS || IN_PROGRESS.has(envelope.respcd)) return undefined;
  return new QfpayGatewayError(endpoint, envelope.respcd, textOf(envelope.json.resperr), textOf(envelope.json.respmsg));
}

/** `Retry-After` as whole seconds (a number of seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}
