import { getCheckoutStatus } from "../../../../checkout-status/status-route";

/**
 * The checkout status the widget polls, outside `/store`: the session id is all it needs, so it skips the store
 * API's per-request work (the publishable key's lookup, the locale, the customer's authentication), which would
 * otherwise cost more than the answer itself at thousands of polling tabs. A GET with no custom header is a simple
 * CORS request: no preflight. Origins allowed: the store's (`http.storeCors`), applied in `api/middlewares.ts`.
 */
export const GET = getCheckoutStatus;
