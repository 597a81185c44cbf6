import { model } from "@medusajs/framework/utils";

/** Something that happened to a session's money (paid, replaced, refunded as an orphan, ...), for admins. */
const QfpayEvent = model.define("qfpay_event", {
  id: model.id({ prefix: "qfev" }).primaryKey(),
  session_id: model.text().index(),
  out_trade_no: model.text().nullable(),
  kind: model.text(),
  message: model.text(),
});

export default QfpayEvent;
