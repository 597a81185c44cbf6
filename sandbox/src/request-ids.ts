import type { Ledger } from "./ledger.js";
import type { RequestParams } from "./params.js";

/** Parameters that name orders, each possibly a comma-separated list (as /trade/v1/query takes them). */
const ID_PARAMS = ["syssn", "out_trade_no"] as const;

/**
 * Every id a request names: its `syssn` and `out_trade_no` values, and for each of the merchant's records they
 * name, that record's syssn and out_trade_no too. So a refund naming a payment's syssn also names the payment's
 * out_trade_no.
 */
export function requestIds(params: RequestParams, ledger: Ledger, appCode: string): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const name of ID_PARAMS) {
    for (const part of (params[name] ?? "").split(",")) {
      const id = part.trim();
      if (id === "") continue;
      ids.add(id);
      const entry = ledger.find(appCode, id) ?? ledger.findByOutTradeNo(appCode, id);
      if (entry) ids.add(entry.syssn).add(entry.outTradeNo);
    }
  }
  return ids;
}
