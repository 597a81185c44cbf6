import { model } from "@medusajs/framework/utils";

/** The merchant's QFPay request counts in the current second and minute, shared by every Medusa instance. */
const QfpayRequestWindow = model.define("qfpay_request_window", {
  id: model.text().primaryKey(),
  /** Epoch second and epoch minute of the windows counted. */
  second: model.number(),
  second_count: model.number(),
  minute: model.number(),
  minute_count: model.number(),
  paused_until: model.dateTime().nullable(),
});

export default QfpayRequestWindow;
