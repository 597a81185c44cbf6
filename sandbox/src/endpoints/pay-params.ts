import { createHash } from "node:crypto";
import { currencyExponent, type PayMode, type PayType } from "@qfpay-medusa/shared";
import type { Entry } from "../ledger.js";
import type { PythonJsonValue } from "../python-json.js";

type PayParams = Readonly<Record<string, PythonJsonValue>>;
type Builder = (entry: Entry) => PayParams;

/** Stable pseudo-random hex from the syssn, so the same order always shows the same parameters. */
function hex(entry: Entry, salt: string, length: number): string {
  return createHash("sha256").update(`${salt}:${entry.syssn}`).digest("hex").slice(0, length);
}

const unixSeconds = (entry: Entry): number => Math.floor(entry.createdAt.getTime() / 1000);

/** WeChat JSAPI and mini-program: what `WeixinJSBridge` / `wx.requestPayment` take. */
const wechatJsapi: Builder = (entry) => ({
  appId: `wx${hex(entry, "appid", 16)}`,
  timeStamp: String(unixSeconds(entry)),
  nonceStr: hex(entry, "nonce", 32),
  package: `prepay_id=wx${hex(entry, "prepay", 30)}`,
  signType: "MD5",
  paySign: hex(entry, "paysign", 32).toUpperCase(),
});

/** WeChat in-app: the fields of the WeChat SDK's PayReq. */
const wechatInApp: Builder = (entry) => ({
  package: "Sign=WXPay",
  timestamp: unixSeconds(entry),
  sign: Buffer.from(hex(entry, "sign", 64), "hex").toString("base64"),
  partnerid: String(parseInt(hex(entry, "partner", 7), 16)),
  appid: `wx${hex(entry, "appid", 16)}`,
  prepayid: `wx${hex(entry, "prepay", 32)}`,
  noncestr: hex(entry, "nonce", 32),
});

/** Alipay in-app: the order string fields of `mobile.securitypay.pay`. */
const alipayInApp: Builder = (entry) => ({
  body: entry.goodsInfo ?? entry.goodsName ?? "",
  forex_biz: "FP",
  seller_id: `2088${hex(entry, "seller", 12).replace(/[a-f]/g, "7")}`,
  product_code: "NEW_WAP_OVERSEAS_SELLER",
  total_fee: entry.txamt / 10 ** currencyExponent(entry.txcurrcd),
  service: "mobile.securitypay.pay",
  payment_inst: entry.payType === "801510" ? "ALIPAYHK" : "ALIPAYCN",
  subject: entry.goodsName ?? "",
  secondary_merchant_name: "QFPay sandbox merchant",
  _input_charset: "UTF-8",
  sign: Buffer.from(hex(entry, "sign", 64), "hex").toString("base64"),
  currency: entry.txcurrcd,
  out_trade_no: entry.syssn,
  payment_type: "1",
  secondary_merchant_id: String(parseInt(hex(entry, "secondary", 6), 16)),
  sign_type: "RSA",
  notify_url: "",
  partner: `2088${hex(entry, "partner", 12).replace(/[a-f]/g, "3")}`,
  it_b_pay: "30m",
  return_url: entry.returnUrl ?? "",
  secondary_merchant_industry: 5311,
});

/** Alipay service window (H5): the trade number `AlipayJSBridge.call("tradePay")` takes. */
const alipayH5: Builder = (entry) => ({ tradeNO: `${entry.syssn.slice(0, 8)}2200${hex(entry, "trade", 16).replace(/[a-f]/g, "1")}` });

const IN_APP_BY_WALLET: Readonly<Record<string, Builder>> = {
  wechat: wechatInApp,
  wechat_hk: wechatInApp,
  alipay: alipayInApp,
  alipay_hk: alipayInApp,
};

/** Which builder a pay mode uses; modes without one (QR, CPM, web) have no `pay_params`. */
const BY_MODE: Partial<Record<PayMode, (payType: PayType) => Builder>> = {
  jsapi: () => wechatJsapi,
  mini_program: () => wechatJsapi,
  h5: () => alipayH5,
  in_app: (payType) => IN_APP_BY_WALLET[payType.wallet] ?? wechatInApp,
};

/** `pay_params` for the pay types that hand the payment to a wallet SDK; undefined for the others. */
export function payParamsFor(payType: PayType, entry: Entry): PayParams | undefined {
  return BY_MODE[payType.mode]?.(payType)(entry);
}
