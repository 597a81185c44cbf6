import { QfpayGatewayError, QfpayTransportError } from "./errors.js";
import { SendError } from "./transport.js";

/**
 * What may be sent again. An idempotent call (query) after any transient failure: time-out, network error,
 * HTTP 5xx, a retryable return code. Never a 429: sending again at once only spends more of the merchant's limit. Any other call only when its connection failed before the request left,
 * since a payment or refund that QFPay may have received must be looked up, not repeated.
 */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof SendError) return idempotent || !error.requestMayHaveBeenSent;
  if (!idempotent) return false;
  if (error instanceof QfpayTransportError && error.kind === "http_status") {
    return (error.status ?? 0) >= 500;
  }
  return error instanceof QfpayGatewayError && error.outcome === "retryable";
}

export interface RetryBudget {
  idempotent: boolean;
  /** Extra attempts allowed after the first. */
  retries: number;
  /** Wait before the n-th retry: delayMs × 2^(n-1). */
  delayMs: number;
}

export async function withRetries<T>(budget: RetryBudget, run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= budget.retries || !isRetryable(error, budget.idempotent)) throw error;
      const delay = budget.delayMs * 2 ** attempt;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
