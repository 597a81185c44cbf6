import { Module } from "@medusajs/framework/utils";
import QfpayModuleService from "./service";

/** The module's name in Medusa's container; the payment module lists it in its `dependencies`. */
export const QFPAY_MODULE = "qfpay";

export default Module(QFPAY_MODULE, {
  service: QfpayModuleService,
});

export { QfpayModuleService };
