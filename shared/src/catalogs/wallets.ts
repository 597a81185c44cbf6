import { WALLET_NAMES, type WalletId } from "./wallet-names.js";

export { WALLET_NAMES, isWalletId, walletName, type WalletId } from "./wallet-names.js";

export interface Wallet {
  id: WalletId;
  /** Display name, as the shopper knows the wallet. */
  name: string;
}

export const WALLETS: Readonly<Record<WalletId, Wallet>> = Object.freeze(
  Object.fromEntries((Object.keys(WALLET_NAMES) as WalletId[]).map((id) => [id, Object.freeze({ id, name: WALLET_NAMES[id] })])) as Record<WalletId, Wallet>,
);
