import { isWalletId, walletName, type WalletId } from "@qfpay-medusa/shared/checkout";
import type { Messages } from "./i18n/messages.js";

/** How the element draws a wallet; its name is the catalog's (`walletName`), and a language may rename it. */
export interface WalletLook {
  /** Brand colour of the round mark. */
  readonly color: string;
  /** One or two characters drawn in the mark. */
  readonly glyph: string;
  /**
   * True when the wallet app opens its QR link from a phone's browser (universal link), so the
   * shopper paying on the same phone can tap instead of scanning.
   */
  readonly opensFromLink?: true;
}

const LOOKS: Readonly<Partial<Record<WalletId, WalletLook>>> = {
  wechat: { color: "#07c160", glyph: "W" },
  alipay: { color: "#1677ff", glyph: "支", opensFromLink: true },
  alipay_hk: { color: "#1677ff", glyph: "HK", opensFromLink: true },
  fps: { color: "#e4002b", glyph: "F" },
  payme: { color: "#db0011", glyph: "P", opensFromLink: true },
  unionpay: { color: "#00508e", glyph: "U" },
  octopus: { color: "#f28c00", glyph: "八", opensFromLink: true },
  paynow: { color: "#7c1a78", glyph: "N" },
  promptpay: { color: "#1c3e6e", glyph: "฿" },
};

/** For a wallet without a look of its own (or one the catalog gained after this build): its initial. */
const PLAIN_WALLET_COLOR = "#475569";

export function walletLook(id: string): WalletLook {
  return (isWalletId(id) ? LOOKS[id] : undefined) ?? { color: PLAIN_WALLET_COLOR, glyph: id.charAt(0).toUpperCase() };
}

/** The wallet's name in the shopper's language: the language's own, else the catalog's, else `fallback` (or the id). */
export function localWalletName(id: string, messages: Messages, fallback?: string): string {
  if (!isWalletId(id)) return fallback ?? id;
  return messages.walletNames[id] ?? walletName(id);
}
