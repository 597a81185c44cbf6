import type { CheckoutMode, StorePayMode } from "../checkout-contract.js";
import type { WalletId } from "./wallets.js";

export type { WalletId } from "./wallets.js";
export { WALLETS, isWalletId, type Wallet } from "./wallets.js";

/**
 * How the shopper pays: `mpm` merchant-presented QR, `cpm` consumer-presented code (auth_code),
 * `web` online QR/redirect page, `wap` mobile browser redirect, `jsapi` inside WeChat,
 * `mini_program`, `in_app`, `h5` (Alipay service window).
 */
export type PayMode = "mpm" | "cpm" | "web" | "wap" | "jsapi" | "mini_program" | "in_app" | "h5";

export interface PayType {
  /** `pay_type` as QFPay expects it, six digits. */
  code: string;
  wallet: WalletId;
  /** The description from the reference's PayType table. */
  description: string;
  mode: PayMode;
  /** Alipay pre-authorization: the payment freezes funds, `authtrade` captures, `reversal` unfreezes. */
  preauth: boolean;
  /**
   * Merchant regions the pay type is for: "overseas" (outside mainland China), or ISO country codes
   * in lower case. Taken from the reference's notes and the wallet's home market; empty when neither says.
   */
  regions: readonly string[];
  /** Whether the reference lists the code as accepting `expired_time`. */
  expiredTime: boolean;
}

type Row = [code: string, wallet: WalletId, mode: PayMode, regions: readonly string[], description: string];

/** The PayType table of the QFPay API reference, row by row, then the codes only other QFPay documents list. */
const ROWS: readonly Row[] = [
  ["800008", "multi", "cpm", ["overseas"], "Consumer Present QR Code Mode (CPM) for WeChat, Alipay, UNIONPAY Quick Pass"],
  ["800101", "alipay", "mpm", ["overseas"], "Alipay Merchant Presented QR Code Payment in store (MPM) (Overseas Merchant)"],
  ["800107", "alipay", "h5", ["overseas"], "Alipay Service Window H5 Payment"],
  ["800108", "alipay", "cpm", ["overseas"], "Alipay Consumer Presented QR Code Payment (CPM)"],
  ["800201", "wechat", "mpm", ["overseas", "hk"], "WeChat Merchant Presented QR Code Payment (MPM) (Online Payment) (Overseas & HK Merchant)"],
  ["800207", "wechat", "jsapi", ["overseas", "hk"], "WeChat JSAPI Payment - WeChat Official Account Payment (Overseas & HK Merchant)"],
  ["800208", "wechat", "cpm", ["overseas"], "WeChat Consumer Presented QR Code Payment (CPM)"],
  ["800210", "wechat", "in_app", ["overseas"], "WeChat in-APP Payment"],
  ["800213", "wechat", "mini_program", ["overseas"], "WeChat Mini-Program Payment"],
  ["800701", "unionpay", "mpm", ["overseas"], "UNIONPAY Quick Pass Merchant Presented QR Code Payment (MPM)"],
  ["800708", "unionpay", "cpm", ["overseas"], "UNIONPAY Quick Pass Consumer Presented QR Code Payment (CPM)"],
  ["801008", "wechat_hk", "cpm", ["hk"], "WeChat Pay HK Consumer Presented QR Code Payment (CPM) (Direct Settlement, HK Merchant)"],
  ["801010", "wechat_hk", "in_app", ["hk"], "WeChat Pay HK In-App Payment (Direct Settlement, HK Merchant)"],
  ["801114", "alipay", "web", ["overseas"], "Alipay Online QR Code Payment (Overseas Merchant)"],
  ["801112", "alipay", "wap", ["overseas"], "Alipay Online WAP Payment (Overseas Merchant)"],
  ["801110", "alipay", "in_app", ["overseas"], "Alipay in-APP Payments (Overseas Merchant)"],
  ["801208", "linepay", "cpm", ["th", "jp"], "LINEPAY dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["801301", "linepay", "web", ["th", "jp"], "LINEPAY Online Payment"],
  ["801408", "airpay", "cpm", ["th"], "AIRPAY dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["801501", "alipay_hk", "mpm", ["hk"], "Alipay HK Merchant Presented Online QR Code Payment (HK Merchant)"],
  ["801510", "alipay_hk", "in_app", ["hk"], "Alipay HK In-App Payment (HK Merchant)"],
  ["801512", "alipay_hk", "wap", ["hk"], "Alipay HK Online WAP Payment (HK Merchant)"],
  ["801701", "netspay", "mpm", ["sg"], "NETSPAY Merchant Presented QR Code Payment (MPM)"],
  ["801801", "alipay", "cpm", ["overseas"], "Alipay Pre-Authorization dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["801808", "alipay", "mpm", ["overseas"], "Alipay Pre-Authorization dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["801810", "alipay", "in_app", ["overseas"], "Alipay Pre-Authorization in-APP Payment"],
  ["801814", "alipay", "web", ["overseas"], "Alipay Pre-Authorization Online Payment"],
  ["801908", "origami", "cpm", [], "Origami Consumer Presented QR Code Payment (CPM)"],
  ["802001", "fps", "mpm", ["hk"], "HK FPS Merchant Presented QR Code Payment (MPM)"],
  ["802201", "airpay", "web", ["th"], "AIRPAY Online Payment"],
  ["802301", "paynow", "mpm", ["sg"], "PayNow Merchant Presented QR Code Payment (MPM)"],
  ["802901", "promptpay", "mpm", ["th"], "PromptPay dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["803001", "ewallet", "mpm", [], "eWallet dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["803008", "ewallet", "cpm", [], "eWallet dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["803101", "via", "mpm", [], "VIA dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["803108", "via", "cpm", [], "VIA dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["803208", "tng", "cpm", ["my"], "Touch 'n Go (TNG) dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["803214", "tng", "web", ["my"], "Touch 'n Go (TNG) Online Payment"],
  ["803301", "razer", "mpm", ["my"], "Razer dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["803308", "razer", "cpm", ["my"], "Razer dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["803314", "razer", "web", ["my"], "Razer Online Payment"],
  ["803701", "octopus", "mpm", ["hk"], "Octopus dynamic QRC Payment - Merchant Present Mode (MPM) (HK Merchant)"],
  ["803712", "octopus", "wap", ["hk"], "Octopus WAP Payment (HK Merchant)"],
  ["803801", "dash", "mpm", ["sg"], "Dash dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["803808", "dash", "cpm", ["sg"], "Dash dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["804001", "boost", "mpm", ["my"], "Boost dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["804008", "boost", "cpm", ["my"], "Boost dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["804014", "boost", "web", ["my"], "Boost Online Payment"],
  ["804101", "maybank", "mpm", ["my"], "Maybank dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["804108", "maybank", "cpm", ["my"], "Maybank dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["804114", "maybank", "web", ["my"], "Maybank Online Payment"],
  ["804201", "grabpay", "mpm", ["my", "sg"], "GrabPay dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["804208", "grabpay", "cpm", ["my"], "GrabPay dynamic QRC Payment - Consumer Present Mode (CPM) (Malaysia Merchant)"],
  ["804214", "grabpay", "web", ["my", "sg"], "GrabPay Online Payment"],
  ["805208", "truemoney", "cpm", ["th"], "TrueMoney dynamic QRC Payment - Consumer Present Mode (CPM)"],
  ["805401", "thaiqr", "mpm", ["sg"], "ThaiQR dynamic QRC Payment - Merchant Present Mode (MPM) (Singapore Merchant)"],
  ["805601", "gopay", "mpm", ["id"], "GoPay dynamic QRC Payment - Merchant Present Mode (MPM)"],
  ["805612", "gopay", "wap", ["id"], "GoPay WAP Payment"],
  // Not in the reference's table; from the PayType table of merchant-present-mode.txt.
  ["805801", "payme", "mpm", ["hk"], "PayMe Merchant Presented QR Code Payment in store (MPM) (HK Merchants)"],
];

/** Alipay pre-authorization codes (freeze / authtrade / unfreeze). */
const PREAUTH_CODES: ReadonlySet<string> = new Set(["801801", "801808", "801810", "801814"]);

/**
 * Codes the reference lists under `expired_time` ("Available for: ..."), plus the WeChat mini-program
 * whose section documents the same parameter.
 */
const EXPIRED_TIME_CODES: ReadonlySet<string> = new Set(["800201", "800101", "801512", "801501", "801112", "801114", "801010", "801510", "800213"]);

export const PAY_TYPES: readonly PayType[] = Object.freeze(
  ROWS.map(([code, wallet, mode, regions, description]) =>
    Object.freeze({
      code,
      wallet,
      description,
      mode,
      preauth: PREAUTH_CODES.has(code),
      regions: Object.freeze([...regions]),
      expiredTime: EXPIRED_TIME_CODES.has(code),
    }),
  ),
);

const BY_CODE: ReadonlyMap<string, PayType> = new Map(PAY_TYPES.map((payType) => [payType.code, payType]));

export function findPayType(code: string): PayType | undefined {
  return BY_CODE.get(code);
}

/** How a web checkout presents a pay type: a QR code, a redirect to `pay_url`, or WeChat's in-app payment sheet. */
export type WebCheckoutMode = CheckoutMode;

// Every pay mode the store contract offers has its checkout mode.
const CHECKOUT_MODE_OF: Readonly<Partial<Record<PayMode, CheckoutMode>>> = {
  mpm: "qr",
  web: "redirect",
  wap: "redirect",
  jsapi: "jsapi",
} satisfies Record<StorePayMode, CheckoutMode>;

/**
 * How a web checkout presents the pay type: a QR code, a redirect to `pay_url`, WeChat's payment sheet
 * (`jsapi`, only inside WeChat, with the shopper's openid), or not at all.
 */
export function checkoutModeOf(payType: PayType | string): WebCheckoutMode | undefined {
  const found = typeof payType === "string" ? findPayType(payType) : payType;
  return found ? CHECKOUT_MODE_OF[found.mode] : undefined;
}
