/** How the element shows a wallet. Names here are the English ones; a language may rename them. */
export interface WalletDisplay {
  /** Name in English (brand names are rarely translated; see each language's walletNames). */
  readonly name: string;
  /** Brand colour of the round mark. */
  readonly color: string;
  /** One or two characters drawn in the mark. */
  readonly glyph: string;
  /**
   * True when the wallet app opens its QR link from a phone's browser (universal link), so the
   * shopper paying on the same phone can tap instead of scanning.
   */
  readonly opensFromLink: boolean;
}

export const WALLETS = {
  wechat: { name: "WeChat Pay", color: "#07c160", glyph: "W", opensFromLink: false },
  alipay: { name: "Alipay", color: "#1677ff", glyph: "支", opensFromLink: true },
  alipay_hk: { name: "AlipayHK", color: "#1677ff", glyph: "HK", opensFromLink: true },
  fps: { name: "FPS", color: "#e4002b", glyph: "F", opensFromLink: false },
  payme: { name: "PayMe", color: "#db0011", glyph: "P", opensFromLink: true },
  unionpay: { name: "UnionPay", color: "#00508e", glyph: "U", opensFromLink: false },
  octopus: { name: "Octopus", color: "#f28c00", glyph: "八", opensFromLink: true },
  paynow: { name: "PayNow", color: "#7c1a78", glyph: "N", opensFromLink: false },
  promptpay: { name: "PromptPay", color: "#1c3e6e", glyph: "฿", opensFromLink: false },
} as const satisfies Record<string, WalletDisplay>;

export type WalletId = keyof typeof WALLETS;

/** For a wallet id the catalog gained after this build: still shown, by its id. */
const UNKNOWN_WALLET_COLOR = "#475569";

export function walletDisplay(id: string): WalletDisplay {
  return Object.hasOwn(WALLETS, id)
    ? WALLETS[id as WalletId]
    : { name: id, color: UNKNOWN_WALLET_COLOR, glyph: id.charAt(0).toUpperCase(), opensFromLink: false };
}

export function isKnownWallet(id: string): id is WalletId {
  return Object.hasOwn(WALLETS, id);
}
