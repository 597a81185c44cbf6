import type { Ledger } from "./ledger.js";
import type { Merchant } from "./merchants.js";
import type { RequestParams } from "./params.js";
import type { PythonJsonValue } from "./python-json.js";

/** What an endpoint gets: the authenticated merchant, its parameters and the sandbox's state. */
export interface EndpointContext {
  readonly merchant: Merchant;
  readonly params: RequestParams;
  readonly ledger: Ledger;
  /** Base URL for wallet pages (`qrcode`, `pay_url`). */
  readonly publicUrl: string;
  /** A return code forced by fault injection for this call, for endpoints that apply it to their records. */
  readonly forcedRespcd?: string;
}

export type JsonAnswer = { readonly kind: "json"; readonly body: Readonly<Record<string, PythonJsonValue>> };
export type FileAnswer = {
  readonly kind: "file";
  readonly contentType: string;
  readonly fileName: string;
  readonly bytes: Buffer;
};
export type EndpointAnswer = JsonAnswer | FileAnswer;

/**
 * How the endpoint treats `mchid`: `merchant` follows the merchant's rule (required and equal when it has
 * one, absent when not); `optional` checks it only when given; `forbidden` refuses it (1104).
 */
export type MchidRule = "merchant" | "optional" | "forbidden";

export interface Endpoint {
  readonly mchid: MchidRule;
  /** Whether the endpoint turns a forced respcd into record state itself (payment, refund); others are short-circuited. */
  readonly appliesForcedRespcd: boolean;
  handle(context: EndpointContext): EndpointAnswer;
}

export function json(body: Readonly<Record<string, PythonJsonValue>>): JsonAnswer {
  return { kind: "json", body };
}
