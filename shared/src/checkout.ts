/**
 * The zod-free browser entry, `@qfpay-medusa/shared/checkout`: the checkout contract, the wallets' names and
 * amount formatting, for the `<qfpay-checkout>` element and the admin. Small and tree-shakeable; nothing here
 * imports zod (the server's schemas of the same contract are in the main entry).
 */
export * from "./checkout-contract.js";
export { WALLET_NAMES, isWalletId, walletName, type WalletId } from "./catalogs/wallet-names.js";
export { formatAmount } from "./format-amount.js";
