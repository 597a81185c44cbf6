import { findPayType, formatTxdtm, type PayMode, type PayType } from "@qfpay-medusa/shared";
import { exceedsAmountLimit } from "../amount-limit.js";
import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint, type EndpointContext } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { respcdOf, type Entry } from "../ledger.js";
import { channelSerial } from "../notification-body.js";
import { ParamReader } from "../params.js";
import type { PythonJsonValue } from "../python-json.js";
import { walletUrl, type WalletFlavor } from "../wallet-urls.js";
import { payParamsFor } from "./pay-params.js";
import { applyOutcome } from "./outcome.js";

const MINUTE = 60_000;
const DEFAULT_EXPIRED_MINUTES = 30;
/** "Authorization requests lose their validity after 15min." */
const PREAUTH_EXPIRED_MINUTES = 15;
const EXPIRED_TIME_RANGE = { min: 5, max: 120 } as const;

/** The parameter that names the payer (their payment code or wallet user), for the modes that need one. */
const REQUIRED_BY_MODE: Partial<Record<PayMode, string>> = {
  cpm: "auth_code",
  jsapi: "sub_openid",
  mini_program: "sub_openid",
  h5: "openid",
};

/** Where the shopper's side is sent to pay, by mode: a QR code or a payment page. */
const PRESENTATION: Partial<Record<PayMode, { field: "qrcode" | "pay_url"; flavor: WalletFlavor }>> = {
  mpm: { field: "qrcode", flavor: "qr" },
  web: { field: "pay_url", flavor: "web" },
  wap: { field: "pay_url", flavor: "web" },
};

/**
 * POST /trade/v1/payment. CPM (auth_code) is paid at once; every other mode opens an order that waits
 * for the payer (wallet page or control API) until it expires: `expired_time` minutes (5–120, default 30,
 * only where the reference allows it), 15 minutes for a pre-auth freeze.
 */
export const payment: Endpoint = {
  mchid: "merchant",
  appliesForcedRespcd: true,
  handle(context) {
    const { ledger, merchant } = context;
    const read = new ParamReader(context.params);
    const txamt = read.amount();
    const txcurrcd = read.currency();
    const payType = readPayType(read);
    const outTradeNo = read.outTradeNo();
    const txzone = read.txzone();
    const txdtm = read.dateTime("txdtm", txzone);
    const expiredMinutes = readExpiredMinutes(read, payType);
    const payerParam = REQUIRED_BY_MODE[payType.mode];
    const payerValue = payerParam === undefined ? undefined : read.required(payerParam, 128);
    const goodsName = read.optional("goods_name", 64);
    const goodsInfo = read.optional("goods_info", 512);
    const udid = read.optional("udid", 40);
    const returnUrl = read.optional("return_url", 512);

    ledger.assertOutTradeNoFree(merchant.appCode, outTradeNo, "payment");
    if (payerParam === "auth_code" && payerValue !== undefined) ledger.useAuthCode(merchant.appCode, payerValue);
    const now = ledger.now();
    const entry = ledger.add({
      appCode: merchant.appCode,
      ...(merchant.mchid !== undefined ? { mchid: merchant.mchid } : {}),
      kind: "payment",
      payType: payType.code,
      outTradeNo,
      txamt,
      txcurrcd,
      txdtm,
      txzone,
      preauth: payType.preauth,
      ...(goodsName !== undefined ? { goodsName } : {}),
      ...(goodsInfo !== undefined ? { goodsInfo } : {}),
      ...(udid !== undefined ? { udid } : {}),
      ...(returnUrl !== undefined ? { returnUrl } : {}),
      ...(payType.mode === "cpm" ? {} : { expiresAt: new Date(now.getTime() + expiredMinutes * MINUTE) }),
    });

    const overLimit = exceedsAmountLimit(txamt, txcurrcd);
    if (overLimit) ledger.fail(entry, "1297");
    else if (context.forcedRespcd !== undefined) applyOutcome(ledger, entry, context.forcedRespcd);
    else if (payType.mode === "cpm") ledger.settle(entry);

    // An order waiting for the payer is answered 0000 (created); any other is answered with its state.
    const respcd = entry.state === "pending" ? "0000" : respcdOf(entry);
    const reason = overLimit ? "amount above the single-transaction limit of about 10,000 USD" : "";
    return json(paymentAnswer(entry, payType, context, respcd, reason));
  },
};

function readPayType(read: ParamReader): PayType {
  const code = read.required("pay_type", 6);
  const payType = findPayType(code);
  if (!payType) throw new QfpayRefusal("1104", `pay_type "${code}" is not a QFPay pay type`);
  return payType;
}

function readExpiredMinutes(read: ParamReader, payType: PayType): number {
  const { min, max } = EXPIRED_TIME_RANGE;
  const minutes = read.integer("expired_time", min, max);
  if (minutes !== undefined && !payType.expiredTime) {
    throw new QfpayRefusal("1104", `expired_time is not available for pay_type ${payType.code}`);
  }
  if (payType.preauth) return PREAUTH_EXPIRED_MINUTES;
  return minutes ?? DEFAULT_EXPIRED_MINUTES;
}

function paymentAnswer(entry: Entry, payType: PayType, context: EndpointContext, respcd: string, reason: string): Record<string, PythonJsonValue> {
  const presentation = PRESENTATION[payType.mode];
  const payParams = payParamsFor(payType, entry);
  const sysdtm = formatTxdtm(entry.createdAt, entry.txzone);
  return {
    ...(presentation ? { [presentation.field]: walletUrl(context.publicUrl, presentation.flavor, entry.syssn) } : {}),
    ...(payParams ? { pay_params: payParams } : {}),
    surcharge_fee: 0,
    pay_type: entry.payType,
    surcharge_rate: 0,
    sysdtm,
    paydtm: entry.paidAt ? formatTxdtm(entry.paidAt, entry.txzone) : sysdtm,
    txdtm: entry.txdtm,
    udid: entry.udid ?? "",
    txcurrcd: entry.txcurrcd,
    txamt: String(entry.txamt),
    ...outcomeFields(respcd, "success", reason),
    out_trade_no: entry.outTradeNo,
    syssn: entry.syssn,
    respcd,
    chnlsn: entry.paidAt ? channelSerial(entry) : "",
    chnlsn2: "",
    cardcd: "",
  };
}
