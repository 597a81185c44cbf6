/**
 * Browser-safe entry: catalogs, money, time, out_trade_no, schemas and the checkout-status contract.
 * Nothing here hashes, signs or touches a key; the server entry (`@qfpay-medusa/shared/server`) adds those.
 */
export * from "./catalogs/pay-types.js";
export * from "./catalogs/status-codes.js";
export * from "./catalogs/currencies.js";
export * from "./catalogs/environments.js";
export * from "./catalogs/pay-type-currencies.js";
export * from "./catalogs/devices.js";
export * from "./catalogs/refunds.js";
export * from "./catalogs/goods-name-rules.js";
export * from "./catalogs/cancel-answers.js";
export * from "./money.js";
export * from "./format-amount.js";
export * from "./time.js";
export * from "./out-trade-no.js";
export * from "./checkout-status.js";
export * from "./schemas/index.js";
