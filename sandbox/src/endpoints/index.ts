import type { Endpoint } from "../endpoint.js";
import type { EndpointName } from "../types.js";
import { addNote } from "./add-note.js";
import { authtrade } from "./authtrade.js";
import { close, reversal } from "./cancel.js";
import { payment } from "./payment.js";
import { query } from "./query.js";
import { refund } from "./refund.js";
import { tradeBill } from "./trade-bill.js";
import { getWeixinOpenid } from "./wechat-oauth.js";

/** QFPay's API paths and the endpoint behind each. */
export const API_ROUTES: Readonly<Record<string, { name: EndpointName; endpoint: Endpoint }>> = {
  "/trade/v1/payment": { name: "payment", endpoint: payment },
  "/trade/v1/query": { name: "query", endpoint: query },
  "/trade/v1/refund": { name: "refund", endpoint: refund },
  "/trade/v1/close": { name: "close", endpoint: close },
  "/trade/v1/reversal": { name: "reversal", endpoint: reversal },
  "/trade/v1/authtrade": { name: "authtrade", endpoint: authtrade },
  "/trade/v1/add_note": { name: "add_note", endpoint: addNote },
  "/download/v1/trade_bill": { name: "trade_bill", endpoint: tradeBill },
  "/tool/v1/get_weixin_openid": { name: "get_weixin_openid", endpoint: getWeixinOpenid },
};
