import { ModuleProvider, Modules } from "@medusajs/framework/utils";
import { QfpayProviderService } from "./service";

export { QfpayProviderService } from "./service";
/** The QFPay merchant options, given to the plugin: `plugins: [{ resolve: "@qfpay-medusa/plugin", options }]`. */
export type { QfpayProviderOptions, QfpayProviderOptions as QfpayPluginOptions } from "../../qfpay";
export type { QfpaySessionData } from "../../qfpay";

export default ModuleProvider(Modules.PAYMENT, {
  services: [QfpayProviderService],
});
