import type { z } from "zod";
import { resolveBaseUrl } from "../catalogs/environments.js";
import type { AddNoteRequest, AddNoteResponse } from "../schemas/add-note.js";
import type { AuthtradeRequest, AuthtradeResponse } from "../schemas/authtrade.js";
import type { CancelRequest, CancelResponse } from "../schemas/cancel.js";
import type { PaymentRequest, PaymentResponse } from "../schemas/payment.js";
import type { QueryRequest, QueryResponse } from "../schemas/query.js";
import type { RefundRequest, RefundResponse } from "../schemas/refund.js";
import { tradeBillRequestSchema, type TradeBillRequest, type TradeBillResponse } from "../schemas/trade-bill.js";
import { presentParams, sign, type Params, type SignAlgorithm } from "../signing.js";
import { DEFAULT_TXZONE, formatTxdtm, isValidTxzone } from "../time.js";
import { describeIssues } from "./describe-issues.js";
import { JSON_ENDPOINTS, TRADE_BILL_ENDPOINT, type DefaultParam, type JsonEndpoint } from "./endpoints.js";
import { badResponse, checkSignature, checkStatus, gatewayFailure, readEnvelope } from "./answer.js";
import { QfpayRequestError, type EndpointName } from "./errors.js";
import { withRetries, type RetryBudget } from "./retry-policy.js";
import { send, type RawAnswer } from "./transport.js";

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
  /** Extra attempts for `query` and `tradeBill` on time-outs, network failures, 5xx and transient codes (never 429). Default 2. */
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

type JsonEndpointName = keyof typeof JSON_ENDPOINTS;
/** The request and the answer of a JSON endpoint, as its row in the endpoint table checks them. */
type RequestOf<N extends JsonEndpointName> = ClientInput<z.input<(typeof JSON_ENDPOINTS)[N]["request"]>>;
type ResponseOf<N extends JsonEndpointName> = z.output<(typeof JSON_ENDPOINTS)[N]["response"]>;

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
    return this.#callJson("payment", request);
  }

  /** Looks transactions up; retried on transient failures. Pick the payment with `selectPaymentRecord`. */
  query(request: ClientInput<QueryRequest>): Promise<QueryResponse> {
    return this.#callJson("query", request);
  }

  refund(request: ClientInput<RefundRequest>): Promise<RefundResponse> {
    return this.#callJson("refund", request);
  }

  /** Cancels an unpaid order (WeChat MPM and most wallets). */
  close(request: ClientInput<CancelRequest>): Promise<CancelResponse> {
    return this.#callJson("close", request);
  }

  /** Cancels an unpaid Alipay / CPM order, or unfreezes an Alipay pre-authorization. */
  reversal(request: ClientInput<CancelRequest>): Promise<CancelResponse> {
    return this.#callJson("reversal", request);
  }

  /** Captures from an Alipay pre-authorization freeze. */
  authtrade(request: ClientInput<AuthtradeRequest>): Promise<AuthtradeResponse> {
    return this.#callJson("authtrade", request);
  }

  addNote(request: ClientInput<AddNoteRequest>): Promise<AddNoteResponse> {
    return this.#callJson("add_note", request);
  }

  /** Downloads a day's clearing statement (zip). */
  async tradeBill(request: TradeBillRequest): Promise<TradeBillResponse> {
    const endpoint = TRADE_BILL_ENDPOINT.name;
    const parsed = tradeBillRequestSchema.safeParse(request);
    if (!parsed.success) throw new QfpayRequestError(endpoint, describeIssues(parsed.error));
    const params = presentParams(parsed.data);
    const url = `${this.baseUrl}${TRADE_BILL_ENDPOINT.path}?${new URLSearchParams(params).toString()}`;
    return withRetries(this.#budget(true), async () => {
      const answer = await this.#send(endpoint, url, { method: "GET", headers: this.#headers(params) });
      const contentType = answer.headers.get("content-type") ?? "";
      if (/json/i.test(contentType)) {
        const envelope = readEnvelope(endpoint, answer);
        throw gatewayFailure(endpoint, envelope) ?? badResponse(endpoint, "answered JSON instead of a statement file");
      }
      if (answer.body.length === 0) throw badResponse(endpoint, "answered an empty statement");
      return { trade_date: parsed.data.trade_date, contentType, data: answer.body };
    });
  }

  /** Every JSON endpoint's exchange: defaults filled in, request checked, signed, sent, answer verified and parsed. */
  async #callJson<N extends JsonEndpointName>(name: N, input: RequestOf<N>): Promise<ResponseOf<N>> {
    const endpoint: JsonEndpoint = JSON_ENDPOINTS[name];
    const params = this.#withDefaults(endpoint, input as Params);
    const parsed = endpoint.request.safeParse(params);
    if (!parsed.success) throw new QfpayRequestError(endpoint.name, describeIssues(parsed.error));
    const wire = presentParams(parsed.data as Params);
    const init: RequestInit = {
      method: endpoint.method,
      headers: { ...this.#headers(wire), "Content-Type": CONTENT_TYPE },
      body: new URLSearchParams(wire).toString(),
    };
    return withRetries(this.#budget(endpoint.idempotent), async () => {
      const answer = await this.#send(endpoint.name, `${this.baseUrl}${endpoint.path}`, init);
      const envelope = readEnvelope(endpoint.name, answer);
      const failure = gatewayFailure(endpoint.name, envelope);
      if (failure) throw failure;
      const result = endpoint.response.safeParse(envelope.json);
      if (!result.success) {
        const issues = describeIssues(result.error).join("; ");
        throw badResponse(endpoint.name, `answer does not match the ${endpoint.name} response: ${issues}`, answer.status);
      }
      return result.data as ResponseOf<N>;
    });
  }

  /** One exchange: a 2xx answer whose signature, if any, is QFPay's. */
  async #send(endpoint: EndpointName, url: string, init: RequestInit): Promise<RawAnswer> {
    const answer = await send({ endpoint, url, init, timeoutMs: this.#options.timeoutMs, fetch: this.#fetch });
    checkStatus(endpoint, answer);
    checkSignature(endpoint, answer, this.#clientKey, this.#options.signType);
    return answer;
  }

  /** Queries get `queryRetries`; other calls one retry, which the policy allows only for requests never sent. */
  #budget(idempotent: boolean): RetryBudget {
    return { idempotent, retries: idempotent ? this.#options.queryRetries : 1, delayMs: this.#options.retryDelayMs };
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
}
