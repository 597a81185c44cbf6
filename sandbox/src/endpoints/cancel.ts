import { formatTxdtm } from "@qfpay-medusa/shared";
import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint, type EndpointContext } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { OPEN_STATES, type Entry } from "../ledger.js";
import { channelSerial } from "../notification-body.js";
import { ParamReader } from "../params.js";
import { requireUsableFreeze } from "./pre-auth-state.js";

type CancelRoute = "close" | "reversal";

/** Why an order that is not open any more cannot be closed or reversed. */
const SETTLED_REFUSALS: Partial<Record<Entry["state"], [respcd: string, reason: string]>> = {
  succeeded: ["1260", "the order is paid: refund it instead"],
  closed: ["1142", "the order is already closed"],
  expired: ["1181", "the order expired"],
  failed: ["1136", "the payment failed; there is nothing to cancel"],
};

/**
 * /trade/v1/close and /trade/v1/reversal: cancel an order that is not paid yet (by syssn or out_trade_no).
 * On a frozen pre-auth, reversal is the unfreeze; /close refuses pre-auths.
 */
function cancelEndpoint(route: CancelRoute): Endpoint {
  return {
    mchid: "merchant",
    appliesForcedRespcd: false,
    handle(context) {
      const { ledger } = context;
      const read = new ParamReader(context.params);
      const original = findOriginal(context, read);
      const txamt = original.preauth ? read.optionalAmount() : read.amount();
      const txzone = read.txzone();
      const txdtm = read.dateTime("txdtm", txzone);
      const udid = read.optional("udid", 40);
      if (txamt !== undefined && txamt !== original.txamt) {
        throw new QfpayRefusal("1266", `txamt ${txamt} differs from the order's ${original.txamt}`);
      }
      if (original.preauth && route === "close") {
        throw new QfpayRefusal("1136", "a pre-auth is cancelled or unfrozen through /trade/v1/reversal");
      }

      ledger.expireDue();
      const unfreezing = original.state === "frozen";
      if (unfreezing) {
        requireUsableFreeze(original);
        ledger.unfreeze(original);
      } else if (OPEN_STATES.has(original.state)) {
        ledger.close(original, route === "reversal");
      } else {
        const [respcd, reason] = SETTLED_REFUSALS[original.state] ?? ["1136", "the order cannot be cancelled"];
        throw new QfpayRefusal(respcd, reason);
      }

      const record = ledger.add({
        appCode: original.appCode,
        ...(original.mchid !== undefined ? { mchid: original.mchid } : {}),
        kind: unfreezing ? "unfreeze" : "close",
        payType: original.payType,
        outTradeNo: original.outTradeNo,
        txamt: original.txamt,
        txcurrcd: original.txcurrcd,
        txdtm,
        txzone,
        preauth: original.preauth,
        origSyssn: original.syssn,
        ...(udid !== undefined ? { udid } : {}),
      });
      ledger.settle(record);
      return json({
        orig_syssn: original.syssn,
        syssn: record.syssn,
        out_trade_no: original.outTradeNo,
        txamt: String(original.txamt),
        txcurrcd: original.txcurrcd,
        txdtm,
        sysdtm: formatTxdtm(record.createdAt, txzone),
        chnlsn: unfreezing ? channelSerial(original) : "",
        ...outcomeFields("0000", "请求成功"),
        respcd: "0000",
        cardcd: "",
        udid: udid ?? "",
      });
    },
  };
}

function findOriginal(context: EndpointContext, read: ParamReader): Entry {
  const { ledger, merchant } = context;
  const syssn = read.optional("syssn", 128);
  const outTradeNo = read.optional("out_trade_no", 128);
  const original =
    syssn !== undefined
      ? ledger.find(merchant.appCode, syssn)
      : outTradeNo !== undefined
        ? ledger.findByOutTradeNo(merchant.appCode, outTradeNo)
        : refuseMissingId();
  if (!original) throw new QfpayRefusal("1268", `no order ${syssn ?? outTradeNo}`);
  if (syssn !== undefined && outTradeNo !== undefined && original.outTradeNo !== outTradeNo) {
    throw new QfpayRefusal("1267", "syssn and out_trade_no name different orders");
  }
  if (original.kind !== "payment") {
    throw new QfpayRefusal("1136", `${original.syssn} is a ${original.kind}; only payments can be cancelled`);
  }
  return original;
}

function refuseMissingId(): never {
  throw new QfpayRefusal("1104", "syssn or out_trade_no is required");
}

export const close = cancelEndpoint("close");
export const reversal = cancelEndpoint("reversal");
