/** Wallets QFPay routes to. `multi` is the unified CPM code that accepts WeChat Pay, Alipay and UnionPay codes. */
export type WalletId =
  | "wechat"
  | "wechat_hk"
  | "alipay"
  | "alipay_hk"
  | "unionpay"
  | "multi"
  | "linepay"
  | "airpay"
  | "netspay"
  | "origami"
  | "fps"
  | "payme"
  | "paynow"
  | "promptpay"
  | "ewallet"
  | "via"
  | "tng"
  | "razer"
  | "octopus"
  | "dash"
  | "boost"
  | "maybank"
  | "grabpay"
  | "truemoney"
  | "thaiqr"
  | "gopay";

/** Each wallet's name, as the shopper knows it (English). */
export const WALLET_NAMES: Readonly<Record<WalletId, string>> = {
  wechat: "WeChat Pay",
  wechat_hk: "WeChat Pay HK",
  alipay: "Alipay",
  alipay_hk: "AlipayHK",
  unionpay: "UnionPay QuickPass",
  multi: "WeChat Pay / Alipay / UnionPay",
  linepay: "LINE Pay",
  airpay: "AirPay",
  netspay: "NETS Pay",
  origami: "Origami",
  fps: "FPS",
  payme: "PayMe",
  paynow: "PayNow",
  promptpay: "PromptPay",
  ewallet: "eWallet",
  via: "VIA",
  tng: "Touch 'n Go eWallet",
  razer: "Razer Pay",
  octopus: "Octopus",
  dash: "Singtel Dash",
  boost: "Boost",
  maybank: "Maybank QRPay",
  grabpay: "GrabPay",
  truemoney: "TrueMoney",
  thaiqr: "Thai QR",
  gopay: "GoPay",
};

export function isWalletId(value: string): value is WalletId {
  return Object.prototype.hasOwnProperty.call(WALLET_NAMES, value);
}

/** The wallet's name; a wallet id this catalog does not know is shown as it is. */
export function walletName(id: string): string {
  return isWalletId(id) ? WALLET_NAMES[id] : id;
}
