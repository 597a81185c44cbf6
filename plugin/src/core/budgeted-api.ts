import { QfpayRateLimitError, type QfpayClient } from "@qfpay-medusa/shared/server";
import type { RequestBudget, RequestPriority } from "./request-budget";

/** The client methods the plugin calls. */
export type QfpayCalls = Pick<QfpayClient, "payment" | "query" | "refund" | "close" | "reversal" | "authtrade" | "addNote" | "tradeBill">;

const METHODS = ["payment", "query", "refund", "close", "reversal", "authtrade", "addNote", "tradeBill"] as const satisfies readonly (keyof QfpayCalls)[];

/**
 * The client with every call first taking a slot of the merchant's budget at `priority`; a 429 pauses the
 * merchant for every instance before the error goes on to the caller.
 */
export function budgetedCalls(client: QfpayCalls, budget: RequestBudget, priority: RequestPriority): QfpayCalls {
  const calls = {} as Record<(typeof METHODS)[number], unknown>;
  for (const method of METHODS) {
    calls[method] = async (...args: unknown[]) => {
      await budget.acquire(priority);
      try {
        return await (client[method] as (...input: unknown[]) => Promise<unknown>).apply(client, args);
      } catch (error) {
        if (error instanceof QfpayRateLimitError) await budget.rateLimited(error.retryAfterSeconds);
        throw error;
      }
    };
  }
  return calls as unknown as QfpayCalls;
}
