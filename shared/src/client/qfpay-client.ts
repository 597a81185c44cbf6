import type { z } from "zod";
import { resolveBaseUrl } from "../catalogs/environments.js";
import { statusCode } from "../catalogs/status-codes.js";
import type { AddNoteRequest, AddNoteResponse } from "../schemas/add-note.js";
import type { AuthtradeRequest, AuthtradeResponse } from "../schemas/authtrade.js";
import type { CancelRequest, CancelResponse } from "../schemas/cancel.js";
import { respcdField } from "../schemas/fields.js";
import type { PaymentRequest, PaymentResponse } from "../schemas/payment.js";
import type { QueryRequest, QueryResponse } from "../schemas/query.js";
import type { RefundRequest, RefundResponse } from "../schemas/refund.js";
import { tradeBillRequestSchema, type TradeBillRequest, type TradeBillResponse } from "../schemas/trade-bill.js";
import { presentParams, sign, verify, type Params, type SignAlgorithm } from "../signing.js";
import { DEFAULT_TXZONE, formatTxdtm, isValidTxzone } from "../time.js";
import { describeIssues } from "./describe-issues.js";
import { JSON_ENDPOINTS, TRADE_BILL_ENDPOINT, type DefaultParam, type JsonEndpoint } from "./endpoints.js";
import {
  QfpayError,
  QfpayGatewayError,
  QfpayRequestError,
  QfpayTransportError,
  type EndpointName,
} from "./errors.js";
import { parseQfpayJson } from "./response-json.js";
import { send, SendError, type RawAnswer } from "./transport.js";

export interface QfpayClientOptions {
  appCode: string;
  clientKey: string;
  /** Added to every order request when set (agents and some merchants must send it, others must not). */
  mchid?: string;
  /** Explicit base URL; wins over `environment`. */
  baseUrl?: string;
  /** Environment id from the catalog ("hk-prod", "sandbox", ...) or a URL. */
  environment?: string;
  signType?: SignAlgorithm;
  /** Per attempt, covering connect, request and reading the answer. Default 5000. */
  timeoutMs?: number;
  /** Extra attempts for `query` on time-outs, network failures, 5xx/429 and transient codes. Default 2. */
  queryRetries?: number;
  /** Wait before the n-th retry: retryDelayMs × 2^(n-1). Default 200. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
  /** Sent as `txzone` when set; `txdtm` is written in this zone (default +0800, QFPay's own). */
  txzone?: string;
  /** Clock for `txdtm`; tests pass a fixed one. */
  now?: () => Date;
}

/** A request as callers write it: the parameters the client fills in may be left out. */
export type ClientInput<T> = Omit<T, DefaultParam & keyof T> & Partial<Pick<T, DefaultParam & keyof T>>;

const SUCCESS = "0000";
const IN_PROGRESS: ReadonlySet<string> = new Set(["1143", "1145"]);
const CONTENT_TYPE = "application/x-www-form-urlencoded;charset=UTF-8";

/** Typed client for QFPay's open API: one method per endpoint, responses verified and zod-parsed. */
export class QfpayClient {
  readonly baseUrl: string;
  readonly appCode: string;
  readonly #clientKey: string;
  readonly #options: Required<Pick<QfpayClientOptions, "signType" | "timeoutMs" | "queryRetries" | "retryDelayMs">> &
    Pick<QfpayClientOptions, "mchid" | "txzone">;
  readonly #fetch: typeof fetch;
  readonly #now: () => Date;

  constructor(options: QfpayClientOptions) {
    if (!options.appCode) throw new TypeError("QfpayClient: appCode is required");
    if (!options.clientKey) throw new TypeError("QfpayClient: clientKey is required");
    if (!options.baseUrl && !options.environment) throw new TypeError("QfpayClient: give baseUrl or environment");
    if (options.txzone !== undefined && !isValidTxzone(options.txzone)) {
      throw new TypeError(`QfpayClient: txzone "${options.txzone}" is not like +0800`);
    }
    const timeoutMs = options.timeoutMs ?? 5000;
    const queryRetries = options.queryRetries ?? 2;
    if (!(timeoutMs > 0)) throw new TypeError("QfpayClient: timeoutMs must be above 0");
    if (!Number.isInteger(queryRetries) || queryRetries < 0) throw new TypeError("QfpayClient: queryRetries must be 0 or more");
    this.baseUrl = resolveBaseUrl(options.baseUrl ?? (options.environment as string));
    this.appCode = options.appCode;
    this.#clientKey = options.clientKey;
    this.#options = {
      signType: options.signType ?? "MD5",
      timeoutMs,
      queryRetries,
      retryDelayMs: options.retryDelayMs ?? 200,
      mchid: options.mchid,
      txzone: options.txzone,
    };
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#now = options.now ?? (() => new Date());
  }

  /** Creates an order. 1143/1145 come back as a response (query until final); other failures throw. */
  payment(request: ClientInput<PaymentRequest>): Promise<PaymentResponse> {
    return this.#callJson(JSON_ENDPOINTS.payment, request);
  }

  /** Looks transactions up; retried on transient failures. Pick the payment with `selectPaymentRecord`. */
  query(request: ClientInput<QueryRequest>): Promise<QueryResponse> {
    return this.#callJson(JSON_ENDPOINTS.query, request);
  }

  refund(request: ClientInput<RefundRequest>): Promise<RefundResponse> {
    return this.#callJson(JSON_ENDPOINTS.refund, request);
  }

  /** Cancels an unpaid order (WeChat MPM and most wallets). */
  close(request: ClientInput<CancelRequest>): Promise<CancelResponse> {
    return this.#callJson(JSON_ENDPOINTS.close, request);
  }

  /** Cancels an unpaid Alipay / CPM order, or unfreezes an Alipay pre-authorization. */
  reversal(request: ClientInput<CancelRequest>): Promise<CancelResponse> {
    return this.#callJson(JSON_ENDPOINTS.reversal, request);
  }

  /** Captures from an Alipay pre-authorization freeze. */
  authtrade(request: ClientInput<AuthtradeRequest>): Promise<AuthtradeResponse> {
    return this.#callJson(JSON_ENDPOINTS.authtrade, request);
  }

  addNote(request: ClientInput<AddNoteRequest>): Promise<AddNoteResponse> {
    return this.#callJson(JSON_ENDPOINTS.add_note, request);
  }

  /** Downloads a day's clearing statement (zip). */
  async tradeBill(request: TradeBillRequest): Promise<TradeBillResponse> {
    const endpoint = TRADE_BILL_ENDPOINT.name;
    const parsed = tradeBillRequestSchema.safeParse(request);
    if (!parsed.success) throw new QfpayRequestError(endpoint, describeIssues(parsed.error));
    const params = presentParams(parsed.data);
    const url = `${this.baseUrl}${TRADE_BILL_ENDPOINT.path}?${new URLSearchParams(params).toString()}`;
    const answer = await this.#exchange(endpoint, false, url, { method: "GET", headers: this.#headers(params) });
    const contentType = answer.headers.get("content-type") ?? "";
    if (/json/i.test(contentType)) {
      const body = this.#readEnvelope(endpoint, answer);
      throw this.#failure(endpoint, body) ?? badResponse(endpoint, "answered JSON instead of a statement file");
    }
    if (answer.body.length === 0) throw badResponse(endpoint, "answered an empty statement");
    return { trade_date: parsed.data.trade_date, contentType, data: answer.body };
  }

  async #callJson<S extends z.ZodType>(
    endpoint: JsonEndpoint & { response: S },
    input: object,
  ): Promise<z.output<S>> {
    const params = this.#withDefaults(endpoint, input as Params);
    const parsed = endpoint.request.safeParse(params);
    if (!parsed.success) throw new QfpayRequestError(endpoint.name, describeIssues(parsed.error));
    const wire = presentParams(parsed.data as Params);
    const answer = await this.#exchange(endpoint.name, endpoint.idempotent, `${this.baseUrl}${endpoint.path}`, {
      method: endpoint.method,
      headers: { ...this.#headers(wire), "Content-Type": CONTENT_TYPE },
      body: new URLSearchParams(wire).toString(),
    });
    const body = this.#readEnvelope(endpoint.name, answer);
    const failure = this.#failure(endpoint.name, body);
    if (failure) throw failure;
    const result = endpoint.response.safeParse(body.json);
    if (!result.success) {
      throw badResponse(endpoint.name, `answer does not match the ${endpoint.name} response: ${describeIssues(result.error).join("; ")}`);
    }
    return result.data;
  }

  /** Sends, retrying only what is safe: idempotent calls on transient failures, any call that never left. */
  async #exchange(endpoint: EndpointName, idempotent: boolean, url: string, init: RequestInit): Promise<RawAnswer> {
    const retries = idempotent ? this.#options.queryRetries : 1;
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await send({ endpoint, url, init, timeoutMs: this.#options.timeoutMs, fetch: this.#fetch });
        this.#checkStatus(endpoint, answer);
        this.#checkSignature(endpoint, answer);
        if (idempotent && attempt < retries) {
          const respcd = peekRespcd(answer);
          if (respcd && statusCode(respcd).outcome === "retryable") {
            await this.#pause(attempt);
            continue;
          }
        }
        return answer;
      } catch (error) {
        if (attempt >= retries || !isRetryable(error, idempotent)) throw error;
        await this.#pause(attempt);
      }
    }
  }

  #checkStatus(endpoint: EndpointName, answer: RawAnswer): void {
    if (answer.status >= 200 && answer.status < 300) return;
    const reason = answer.status === 429 ? " (rate limit: 100/s, 400/min per merchant)" : "";
    throw new QfpayTransportError(endpoint, "http_status", `HTTP ${answer.status}${reason}`, answer.status);
  }

  /** QFPay signs answers as MD5(raw body + key); with SHA256 requests a SHA256 signature is accepted too. */
  #checkSignature(endpoint: EndpointName, answer: RawAnswer): void {
    const signature = answer.headers.get("x-qf-sign");
    if (signature === null) return;
    const valid =
      verify(answer.body, signature, this.#clientKey, "MD5") ||
      (this.#options.signType === "SHA256" && verify(answer.body, signature, this.#clientKey, "SHA256"));
    if (!valid) throw new QfpayTransportError(endpoint, "bad_signature", "answer's X-QF-SIGN does not match its body", answer.status);
  }

  #readEnvelope(endpoint: EndpointName, answer: RawAnswer): { json: Record<string, unknown>; respcd: string | undefined } {
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
    const respcd = respcdField.safeParse((json as Record<string, unknown>).respcd);
    if (!respcd.success) throw badResponse(endpoint, "answer has no valid respcd", answer.status);
    return { json: json as Record<string, unknown>, respcd: respcd.data };
  }

  /** The gateway error for a failure code; undefined for success and "still processing". */
  #failure(endpoint: EndpointName, body: { json: Record<string, unknown>; respcd: string | undefined }): QfpayError | undefined {
    const respcd = body.respcd;
    if (respcd === undefined || respcd === SUCCESS || IN_PROGRESS.has(respcd)) return undefined;
    return new QfpayGatewayError(endpoint, respcd, textOf(body.json.resperr), textOf(body.json.respmsg));
  }

  #withDefaults(endpoint: JsonEndpoint, input: Params): Params {
    const defaults: Record<DefaultParam, string | undefined> = {
      mchid: this.#options.mchid,
      txzone: this.#options.txzone,
      txdtm: formatTxdtm(this.#now(), this.#options.txzone ?? DEFAULT_TXZONE),
      code: this.appCode,
    };
    const filled: Record<string, Params[string]> = {};
    for (const name of endpoint.defaults) filled[name] = defaults[name];
    for (const [name, value] of Object.entries(input)) {
      if (value !== undefined && value !== null && value !== "") filled[name] = value;
    }
    return Object.fromEntries(Object.entries(filled).filter(([, value]) => value !== undefined && value !== ""));
  }

  #headers(params: Params): Record<string, string> {
    const signType = this.#options.signType;
    return {
      "X-QF-APPCODE": this.appCode,
      "X-QF-SIGN": sign(params, this.#clientKey, signType),
      ...(signType === "SHA256" ? { "X-QF-SIGNTYPE": "SHA256" } : {}),
      Accept: "application/json",
    };
  }

  #pause(attempt: number): Promise<void> {
    const delay = this.#options.retryDelayMs * 2 ** attempt;
    return delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)) : Promise.resolve();
  }
}

function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof SendError) return idempotent || !error.requestMayHaveBeenSent;
  if (error instanceof QfpayTransportError && error.kind === "http_status") {
    return idempotent && (error.status === 429 || (error.status ?? 0) >= 500);
  }
  return false;
}

function peekRespcd(answer: RawAnswer): string | undefined {
  try {
    const json = parseQfpayJson(new TextDecoder().decode(answer.body)) as { respcd?: unknown };
    const parsed = respcdField.safeParse(json?.respcd);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function badResponse(endpoint: EndpointName, message: string, status?: number): QfpayTransportError {
  return new QfpayTransportError(endpoint, "bad_response", message, status);
}
