import { getCheckoutStatus } from "../../../../../checkout-status/status-route";

/**
 * The checkout status under the store API, for storefronts that call it with Medusa's JS SDK (which sends the
 * publishable key). The same answer as `GET /qfpay/payment-sessions/:id`, which the widget polls.
 */
export const GET = getCheckoutStatus;
