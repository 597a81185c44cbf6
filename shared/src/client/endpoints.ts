import type { z } from "zod";
import { addNoteRequestSchema, addNoteResponseSchema } from "../schemas/add-note.js";
import { authtradeRequestSchema, authtradeResponseSchema } from "../schemas/authtrade.js";
import { cancelRequestSchema, cancelResponseSchema } from "../schemas/cancel.js";
import { paymentRequestSchema, paymentResponseSchema } from "../schemas/payment.js";
import { queryRequestSchema, queryResponseSchema } from "../schemas/query.js";
import { refundRequestSchema, refundResponseSchema } from "../schemas/refund.js";
import type { EndpointName } from "./errors.js";

/** Parameters the client fills in from its options (`code` is the app code, `txdtm` the clock). */
export type DefaultParam = "mchid" | "txzone" | "txdtm" | "code";

export interface JsonEndpoint {
  name: EndpointName;
  path: string;
  method: "POST";
  request: z.ZodType;
  response: z.ZodType;
  defaults: readonly DefaultParam[];
  /** Safe to send again after an unclear failure (time-out, 5xx): asking changes nothing at QFPay. */
  idempotent: boolean;
}

const ORDER_DEFAULTS: readonly DefaultParam[] = ["mchid", "txzone", "txdtm"];

/**
 * The JSON endpoints, one row each. Pre-authorization unfreeze goes through `reversal`, as the reference says;
 * should QFPay move it to `refund`, this table is the one place to change.
 */
export const JSON_ENDPOINTS = {
  payment: {
    name: "payment",
    path: "/trade/v1/payment",
    method: "POST",
    request: paymentRequestSchema,
    response: paymentResponseSchema,
    defaults: ORDER_DEFAULTS,
    idempotent: false,
  },
  query: {
    name: "query",
    path: "/trade/v1/query",
    method: "POST",
    request: queryRequestSchema,
    response: queryResponseSchema,
    defaults: ["mchid", "txzone"],
    idempotent: true,
  },
  refund: {
    name: "refund",
    path: "/trade/v1/refund",
    method: "POST",
    request: refundRequestSchema,
    response: refundResponseSchema,
    defaults: ORDER_DEFAULTS,
    idempotent: false,
  },
  close: {
    name: "close",
    path: "/trade/v1/close",
    method: "POST",
    request: cancelRequestSchema,
    response: cancelResponseSchema,
    defaults: ORDER_DEFAULTS,
    idempotent: false,
  },
  reversal: {
    name: "reversal",
    path: "/trade/v1/reversal",
    method: "POST",
    request: cancelRequestSchema,
    response: cancelResponseSchema,
    defaults: ORDER_DEFAULTS,
    idempotent: false,
  },
  authtrade: {
    name: "authtrade",
    path: "/trade/v1/authtrade",
    method: "POST",
    request: authtradeRequestSchema,
    response: authtradeResponseSchema,
    defaults: ORDER_DEFAULTS,
    idempotent: false,
  },
  add_note: {
    name: "add_note",
    path: "/trade/v1/add_note",
    method: "POST",
    request: addNoteRequestSchema,
    response: addNoteResponseSchema,
    defaults: ["code"],
    idempotent: false,
  },
} as const satisfies Record<Exclude<EndpointName, "trade_bill" | keyof typeof WECHAT_TOOL_ENDPOINTS>, JsonEndpoint>;

/** The statement download: a GET answered with a zip file (or a JSON error). */
export const TRADE_BILL_ENDPOINT = { name: "trade_bill", path: "/download/v1/trade_bill", method: "GET" } as const;

/**
 * WeChat JSAPI through QFPay's official account (see wechat-oauth.ts): the shopper's browser is sent to
 * `get_weixin_oauth_code` (app code and signature in the query), the server exchanges the code for the openid.
 */
export const WECHAT_TOOL_ENDPOINTS = {
  get_weixin_oauth_code: { name: "get_weixin_oauth_code", path: "/tool/v1/get_weixin_oauth_code", method: "GET" },
  get_weixin_openid: { name: "get_weixin_openid", path: "/tool/v1/get_weixin_openid", method: "GET" },
} as const;
