import { isCheckoutMode, isCheckoutStatusValue, isFinalCheckoutStatus, type CheckoutStatus, type CheckoutStatusValue } from "@qfpay-medusa/shared/checkout";
import en from "./i18n/en.js";

/** Where the element finds its payment session. */
export interface CheckoutEndpoint {
  backendUrl: string;
  publishableKey: string;
  sessionId: string;
}

export type CheckoutApiErrorCode = "session_not_found" | "unauthorized" | "bad_request" | "server_error" | "network" | "invalid_response";

/** HTTP statuses worth another try: the server or the way to it is busy, not wrong. */
const TRANSIENT_HTTP_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

const CODE_BY_HTTP_STATUS: Readonly<Record<number, CheckoutApiErrorCode>> = {
  401: "unauthorized",
  403: "unauthorized",
  404: "session_not_found",
};

export class CheckoutApiError extends Error {
  override readonly name = "CheckoutApiError";
  constructor(
    readonly code: CheckoutApiErrorCode,
    message: string,
    /** True when trying again later may work (network down, 5xx, 429). */
    readonly transient: boolean,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** Any failure of a request as the element reports it: a network problem unless it is one of ours. */
export function asApiError(error: unknown): CheckoutApiError {
  return error instanceof CheckoutApiError ? error : new CheckoutApiError("network", String(error), true);
}

function sessionUrl(endpoint: CheckoutEndpoint, prefix: string, suffix = ""): string {
  const base = endpoint.backendUrl.replace(/\/+$/, "");
  return `${base}${prefix}/qfpay/payment-sessions/${encodeURIComponent(endpoint.sessionId)}${suffix}`;
}

/** How long the server may hold a status request that waits for a change (the plugin allows up to 25 s). */
export const HOLD_SECONDS = 20;

/**
 * GET the session's current status. With `unless`, the server holds the answer (up to `HOLD_SECONDS`) while the
 * status is still that one, so a payment shows the moment the server learns of it.
 *
 * The first look goes through the store API, which checks the publishable key (a wrong one shows at once); the
 * held polls after it go to the plugin's route outside `/store`, which needs only the session id: no key lookup
 * per poll on the server, and no custom header, so no CORS preflight in the browser.
 */
export function fetchCheckoutStatus(endpoint: CheckoutEndpoint, signal?: AbortSignal, unless?: CheckoutStatusValue): Promise<CheckoutStatus> {
  if (!unless) return requestStatus(sessionUrl(endpoint, "/store"), "GET", endpoint.publishableKey, signal);
  return requestStatus(sessionUrl(endpoint, "", `?wait=${HOLD_SECONDS}&unless=${unless}`), "GET", undefined, signal);
}

/** POST for a fresh code once the old one expired; answers the new status. */
export function refreshCheckoutStatus(endpoint: CheckoutEndpoint, signal?: AbortSignal): Promise<CheckoutStatus> {
  return requestStatus(sessionUrl(endpoint, "/store", "/refresh"), "POST", endpoint.publishableKey, signal);
}

async function requestStatus(
  url: string,
  method: "GET" | "POST",
  publishableKey: string | undefined,
  signal: AbortSignal | undefined,
): Promise<CheckoutStatus> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: publishableKey === undefined ? { accept: "application/json" } : { accept: "application/json", "x-publishable-api-key": publishableKey },
      cache: "no-store",
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new CheckoutApiError("network", en.errors.network, true);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw httpError(response.status, body);
  if (!looksLikeCheckoutStatus(body)) {
    throw new CheckoutApiError("invalid_response", en.errors.invalid_response, false);
  }
  return body;
}

export function httpError(status: number, body: unknown): CheckoutApiError {
  const serverMessage =
    typeof body === "object" && body !== null && typeof (body as { message?: unknown }).message === "string"
      ? (body as { message: string }).message
      : `HTTP ${status}`;
  const transient = TRANSIENT_HTTP_STATUSES.has(status);
  const code = CODE_BY_HTTP_STATUS[status] ?? (status >= 500 ? "server_error" : "bad_request");
  return new CheckoutApiError(code, serverMessage, transient, status);
}

const isText = (value: unknown): value is string => typeof value === "string";
const isInstant = (value: unknown): boolean => isText(value) && !Number.isNaN(Date.parse(value));

/** A light shape check per field (no schema library in the browser bundle): enough to render safely. */
const FIELD_CHECKS: Readonly<Partial<Record<keyof CheckoutStatus, (value: unknown) => boolean>>> = {
  session_id: isText,
  status: isCheckoutStatusValue,
  wallet: isText,
  amount: Number.isInteger,
  amount_exponent: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 4,
  currency_code: (value) => isText(value) && /^[a-z]{3}$/i.test(value),
  expires_at: (value) => value === null || isInstant(value),
  server_time: isInstant,
};

function looksLikeCheckoutStatus(body: unknown): body is CheckoutStatus {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  if (!Object.entries(FIELD_CHECKS).every(([field, check]) => check(b[field]))) return false;
  // The code (QR text, wallet page, WeChat's sheet) comes only while the payment is open; final answers leave it out.
  if (!isCheckoutMode(b.mode)) return false;
  const code = b.mode === "qr" ? b.qrcode : b.mode === "jsapi" ? (b.pay_params ?? b.pay_url) : b.pay_url;
  return isFinalCheckoutStatus(b.status as CheckoutStatus["status"]) || (typeof code === "object" ? code !== null : isText(code) && code !== "");
}
