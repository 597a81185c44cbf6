import { outcomeFields } from "../answer-fields.js";
import { json, type Endpoint } from "../endpoint.js";
import { QfpayRefusal } from "../errors.js";
import { ParamReader } from "../params.js";

/** POST /trade/v1/add_note: a remark on one of the merchant's transactions; `code` is the app code again. */
export const addNote: Endpoint = {
  mchid: "optional",
  appliesForcedRespcd: false,
  handle(context) {
    const { ledger, merchant } = context;
    const read = new ParamReader(context.params);
    const code = read.required("code", 32);
    const syssn = read.required("syssn", 40);
    const note = read.required("note", 200);
    if (code !== merchant.appCode) throw new QfpayRefusal("1104", "code must be the app code of X-QF-APPCODE");
    const entry = ledger.find(merchant.appCode, syssn);
    if (!entry) throw new QfpayRefusal("1268", `no transaction ${syssn}`);
    entry.notes.push(note);
    return json({ ...outcomeFields("0000", "Success"), respcd: "0000", data: { syssn } });
  },
};
