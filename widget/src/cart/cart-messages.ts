/**
 * What the drop-in picker and the WeChat JSAPI view say, per language. Loaded with them (not with the element),
 * so a storefront that creates the session itself does not download these words.
 */
import { resolveLocale, type LocaleId, type Messages } from "../i18n/index.js";

export interface DropInMessages {
  readonly chooseWallet: string;
  payWithButton(wallet: string): string;
  readonly changeWallet: string;
  readonly noWallets: string;
  readonly opening: string;
  readonly preauth: string;
  readonly modeHints: Readonly<Record<"qr" | "redirect" | "jsapi", string>>;
  readonly payInWechat: string;
  readonly jsapiIntro: string;
  readonly wechatCanceled: string;
  readonly wechatFailed: string;
  readonly notInWechat: string;
  readonly openCashier: string;
}

const en: DropInMessages = {
  chooseWallet: "Choose how to pay",
  payWithButton: (wallet) => `Pay with ${wallet}`,
  changeWallet: "Choose another wallet",
  noWallets: "None of the store's wallets can take this payment.",
  opening: "Opening your payment…",
  preauth: "pre-authorization",
  modeHints: { qr: "scan a QR code", redirect: "continue in the wallet", jsapi: "pay inside WeChat" },
  payInWechat: "Pay in WeChat",
  jsapiIntro: "WeChat Pay opens over this page: confirm the payment there.",
  wechatCanceled: "You closed WeChat Pay; nothing was charged. The order stays open until its time runs out: pay again, or choose another wallet.",
  wechatFailed: "WeChat Pay could not take the payment. Try again, or choose another wallet.",
  notInWechat: "Open this page in WeChat to pay with WeChat Pay.",
  openCashier: "Continue to WeChat Pay",
};

const zhHk: DropInMessages = {
  chooseWallet: "選擇付款方式",
  payWithButton: (wallet) => `使用${wallet}付款`,
  changeWallet: "選擇其他錢包",
  noWallets: "商店的錢包均無法處理此付款。",
  opening: "正在準備付款…",
  preauth: "預授權",
  modeHints: { qr: "掃描二維碼", redirect: "在錢包中繼續", jsapi: "在微信內付款" },
  payInWechat: "在微信付款",
  jsapiIntro: "微信支付會在此頁面上開啟，請在那裡確認付款。",
  wechatCanceled: "你已關閉微信支付，未有扣款。訂單在時限前仍然有效：可再次付款，或選擇其他錢包。",
  wechatFailed: "微信支付未能完成付款。請再試一次，或選擇其他錢包。",
  notInWechat: "請在微信中開啟此頁面，以使用微信支付。",
  openCashier: "前往微信支付",
};

const zhCn: DropInMessages = {
  chooseWallet: "选择付款方式",
  payWithButton: (wallet) => `使用${wallet}付款`,
  changeWallet: "选择其他钱包",
  noWallets: "商店的钱包均无法处理此付款。",
  opening: "正在准备付款…",
  preauth: "预授权",
  modeHints: { qr: "扫描二维码", redirect: "在钱包中继续", jsapi: "在微信内付款" },
  payInWechat: "在微信付款",
  jsapiIntro: "微信支付会在此页面上打开，请在那里确认付款。",
  wechatCanceled: "你已关闭微信支付，未扣款。订单在时限前仍然有效：可再次付款，或选择其他钱包。",
  wechatFailed: "微信支付未能完成付款。请再试一次，或选择其他钱包。",
  notInWechat: "请在微信中打开此页面，以使用微信支付。",
  openCashier: "前往微信支付",
};

const ja: DropInMessages = {
  chooseWallet: "お支払い方法を選択",
  payWithButton: (wallet) => `${wallet}で支払う`,
  changeWallet: "別のウォレットを選ぶ",
  noWallets: "このお支払いに使えるウォレットがありません。",
  opening: "お支払いを準備しています…",
  preauth: "事前承認",
  modeHints: { qr: "QRコードをスキャン", redirect: "ウォレットで続ける", jsapi: "WeChat内で支払う" },
  payInWechat: "WeChatで支払う",
  jsapiIntro: "このページの上にWeChat Payが開きます。そこでお支払いを確定してください。",
  wechatCanceled: "WeChat Payを閉じました。請求はありません。有効期限まではもう一度支払うか、別のウォレットを選べます。",
  wechatFailed: "WeChat Payでお支払いできませんでした。もう一度お試しいただくか、別のウォレットを選んでください。",
  notInWechat: "WeChat Payで支払うには、このページをWeChatで開いてください。",
  openCashier: "WeChat Payへ進む",
};

const th: DropInMessages = {
  chooseWallet: "เลือกวิธีชำระเงิน",
  payWithButton: (wallet) => `ชำระด้วย ${wallet}`,
  changeWallet: "เลือกวอลเล็ตอื่น",
  noWallets: "ไม่มีวอลเล็ตของร้านที่รับการชำระเงินนี้ได้",
  opening: "กำลังเตรียมการชำระเงิน…",
  preauth: "การอนุมัติล่วงหน้า",
  modeHints: { qr: "สแกนคิวอาร์โค้ด", redirect: "ทำต่อในวอลเล็ต", jsapi: "ชำระใน WeChat" },
  payInWechat: "ชำระใน WeChat",
  jsapiIntro: "WeChat Pay จะเปิดขึ้นบนหน้านี้ ยืนยันการชำระเงินที่นั่น",
  wechatCanceled: "คุณปิด WeChat Pay แล้ว ยังไม่มีการตัดเงิน คำสั่งซื้อยังเปิดอยู่จนหมดเวลา: ชำระอีกครั้ง หรือเลือกวอลเล็ตอื่น",
  wechatFailed: "WeChat Pay รับการชำระเงินไม่สำเร็จ ลองอีกครั้ง หรือเลือกวอลเล็ตอื่น",
  notInWechat: "เปิดหน้านี้ใน WeChat เพื่อชำระด้วย WeChat Pay",
  openCashier: "ไปที่ WeChat Pay",
};

export const DROP_IN_MESSAGES: Readonly<Record<LocaleId, DropInMessages>> = { en, "zh-hk": zhHk, "zh-cn": zhCn, ja, th };

/** The drop-in's words in the element's current language. */
export function dropInMessages(messages: Messages): DropInMessages {
  return DROP_IN_MESSAGES[resolveLocale(messages.intlLocale)];
}
