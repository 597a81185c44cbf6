import { statusCode, type Outcome } from "../catalogs/status-codes.js";

/** QFPay endpoint names, as the client's methods and errors name them. */
export type EndpointName =
  "payment" | "query" | "refund" | "close" | "reversal" | "authtrade" | "add_note" | "trade_bill" | "get_weixin_oauth_code" | "get_weixin_openid";

/** Base of every error the client throws. Messages never contain the client key or request bodies. */
export class QfpayError extends Error {
  override readonly name: string = "QfpayError";
  constructor(
    message: string,
    readonly endpoint: EndpointName | "notification",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** QFPay answered, and the answer is a failure code (anything but 0000, 1143 and 1145). */
export class QfpayGatewayError extends QfpayError {
  override readonly name = "QfpayGatewayError";
  /** The catalog's meaning of `respcd`. */
  readonly meaning: string;
  readonly outcome: Outcome;
  constructor(
    endpoint: EndpointName,
    readonly respcd: string,
    readonly resperr?: string,
    readonly respmsg?: string,
  ) {
    const entry = statusCode(respcd);
    const detail = [resperr, respmsg].filter((text) => text && text !== entry.message).join("; ");
    super(`QFPay ${endpoint} failed with ${respcd}: ${entry.message}${detail ? ` (${detail})` : ""}`, endpoint);
    this.meaning = entry.message;
    this.outcome = entry.outcome;
  }
}

export type TransportErrorKind = "timeout" | "network" | "http_status" | "rate_limited" | "bad_response" | "bad_signature";

/** The exchange with QFPay went wrong before a trustworthy answer was read. */
export class QfpayTransportError extends QfpayError {
  override readonly name = "QfpayTransportError";
  constructor(
    endpoint: EndpointName,
    readonly kind: TransportErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`QFPay ${endpoint}: ${message}`, endpoint, options);
  }
}

/**
 * QFPay answered HTTP 429: the merchant's request limit (100/s, 400/min) is used up. QFPay did not act on the
 * request; it may be sent again after `retryAfterSeconds`, never at once.
 */
export class QfpayRateLimitError extends QfpayTransportError {
  constructor(
    endpoint: EndpointName,
    /** From `Retry-After` when QFPay sent one. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    const wait = retryAfterSeconds !== undefined ? `; retry after ${retryAfterSeconds} s` : "";
    super(endpoint, "rate_limited", `QFPay refused the request: the merchant's rate limit is reached (HTTP 429, 100/s and 400/min per merchant${wait})`, 429);
  }
}

/** The caller's request does not satisfy the endpoint's schema; nothing was sent. */
export class QfpayRequestError extends QfpayError {
  override readonly name = "QfpayRequestError";
  constructor(
    endpoint: EndpointName,
    /** "field: problem" for each problem found. */
    readonly issues: readonly string[],
  ) {
    super(`QFPay ${endpoint} request is invalid: ${issues.join("; ")}`, endpoint);
  }
}

/** A notification that is not signed with the key, or whose body is not a notification. */
export class QfpayNotificationError extends QfpayError {
  override readonly name = "QfpayNotificationError";
  constructor(
    readonly kind: "bad_signature" | "bad_body",
    message: string,
  ) {
    super(`QFPay notification: ${message}`, "notification");
  }
}
