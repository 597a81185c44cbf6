import { formatTxdtm } from "@qfpay-medusa/shared";
import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import type { Entry } from "../ledger.js";
import { channelSerial } from "../notification-body.js";
import { ParamReader } from "../params.js";
import { requireUsableFreeze } from "./pre-auth-state.js";

/** Why a pre-auth that is not frozen cannot be deducted from. */
const NOT_FROZEN: Partial<Record<Entry["state"], [respcd: string, reason: string]>> = {
  pending: ["1261", "the freeze is not paid yet"],
  holding: ["1261", "the freeze is not paid yet"],
  closed: ["1264", "the freeze request was cancelled"],
  expired: ["1181", "the freeze request expired"],
  failed: ["1136", "the freeze failed"],
};

/**
 * POST /trade/v1/authtrade: deduct from a frozen Alipay pre-auth (`syssn` of the freeze), once, never above
 * the frozen amount. The deduct is a new record with its own out_trade_no; refunds go against its syssn.
 */
export const authtrade: Endpoint = {
  mchid: "merchant",
  appliesForcedRespcd: false,
  handle(context) {
    const { ledger, merchant } = context;
    const read = new ParamReader(context.params);
    const freezeSyssn = read.required("syssn", 128);
    const outTradeNo = read.outTradeNo();
    const txamt = read.amount();
    const txzone = read.txzone();
    const txdtm = read.dateTime("txdtm", txzone);
    const udid = read.optional("udid", 40);
    const returnUrl = read.optional("return_url", 512);

    ledger.expireDue();
    const freeze = ledger.find(merchant.appCode, freezeSyssn);
    if (!freeze) throw new QfpayRefusal("1268", `no pre-auth ${freezeSyssn}`);
    if (!freeze.preauth || freeze.kind !== "payment") throw new QfpayRefusal("1136", `${freezeSyssn} is not a pre-auth freeze`);
    const notFrozen = NOT_FROZEN[freeze.state];
    if (notFrozen) throw new QfpayRefusal(notFrozen[0], `${freezeSyssn}: ${notFrozen[1]}`);
    requireUsableFreeze(freeze);
    if (txamt > freeze.txamt) throw new QfpayRefusal("1266", `txamt ${txamt} is above the frozen ${freeze.txamt}`);
    ledger.assertOutTradeNoFree(merchant.appCode, outTradeNo, "deduct");

    const deduct = ledger.add({
      appCode: merchant.appCode,
      ...(merchant.mchid !== undefined ? { mchid: merchant.mchid } : {}),
      kind: "deduct",
      payType: freeze.payType,
      outTradeNo,
      txamt,
      txcurrcd: freeze.txcurrcd,
      txdtm,
      txzone,
      preauth: true,
      origSyssn: freeze.syssn,
      ...(udid !== undefined ? { udid } : {}),
      ...(returnUrl !== undefined ? { returnUrl } : {}),
      ...(freeze.goodsName !== undefined ? { goodsName: freeze.goodsName } : {}),
    });
    ledger.markDeducted(freeze, deduct.syssn);
    ledger.settle(deduct);
    return json({
      ...outcomeFields("0000", "请求成功"),
      respcd: "0000",
      syssn: deduct.syssn,
      out_trade_no: deduct.outTradeNo,
      sysdtm: formatTxdtm(deduct.createdAt, txzone),
      txamt: String(deduct.txamt),
      txdtm,
      cardcd: "",
      txcurrcd: deduct.txcurrcd,
      orig_syssn: freeze.syssn,
      chnlsn: channelSerial(deduct),
    });
  },
};
