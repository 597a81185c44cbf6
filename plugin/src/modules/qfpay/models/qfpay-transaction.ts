import { model } from "@medusajs/framework/utils";

/** One QFPay transaction the store opened or found (see core/ledger.ts for what each field means). */
const QfpayTransaction = model
  .define("qfpay_transaction", {
    id: model.id({ prefix: "qftx" }).primaryKey(),
    out_trade_no: model.text().unique(),
    kind: model.enum(["payment", "capture", "refund"]),
    session_id: model.text().index(),
    attempt: model.number(),
    parent_out_trade_no: model.text().nullable(),
    syssn: model.text().nullable(),
    orig_syssn: model.text().nullable(),
    amount: model.number(),
    currency_code: model.text(),
    pay_type: model.text().nullable(),
    state: model.text(),
    state_message: model.text().nullable(),
    superseded: model.boolean().default(false),
    origin: model.enum(["store", "qfpay"]).default("store"),
    resolution: model.text().nullable(),
    resolution_note: model.text().nullable(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    notified_at: model.dateTime().nullable(),
    confirmed_at: model.dateTime().nullable(),
    next_check_at: model.dateTime().nullable(),
    watched_until: model.dateTime().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["next_check_at"], where: "next_check_at IS NOT NULL" }, { on: ["syssn"], where: "syssn IS NOT NULL" }, { on: ["state", "resolution"] }]);

export default QfpayTransaction;
