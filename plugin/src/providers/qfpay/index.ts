import { ModuleProvider, Modules } from "@medusajs/framework/utils";
import { QfpayProviderService } from "./service";

export { QfpayProviderService } from "./service";
export type { QfpayProviderOptions } from "./options";
export type { QfpaySessionData } from "./session-data";

export default ModuleProvider(Modules.PAYMENT, {
  services: [QfpayProviderService],
});
