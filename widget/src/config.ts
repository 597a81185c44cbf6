import type { CheckoutEndpoint } from "./api.js";
import type { ConfigErrorCode } from "./i18n/messages.js";

/**
 * Checks the element's attributes before any request: the first problem found, or null. A `sessionId` of null
 * is no session yet (the drop-in opens one), not a missing one.
 */
export function findConfigError(endpoint: Partial<Omit<CheckoutEndpoint, "sessionId">> & { sessionId?: string | null }): ConfigErrorCode | null {
  const backendUrl = endpoint.backendUrl?.trim() ?? "";
  if (backendUrl === "") return "missing_backend_url";
  if (!isHttpUrl(backendUrl)) return "invalid_backend_url";
  if (!endpoint.publishableKey?.trim()) return "missing_publishable_key";
  if (endpoint.sessionId !== null && !endpoint.sessionId?.trim()) return "missing_session_id";
  return null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}
