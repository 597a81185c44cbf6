import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import type { QfpayRuntime } from "../../core/runtime";
import { QFPAY_MODULE } from "./index";
import type QfpayModuleService from "./service";

export function qfpayModuleOf(scope: MedusaContainer): QfpayModuleService {
  return scope.resolve<QfpayModuleService>(QFPAY_MODULE);
}

/** Medusa's locking module, when the app has one. */
export function lockingOf(scope: MedusaContainer): ILockingModule | undefined {
  return scope.resolve<ILockingModule | undefined>(Modules.LOCKING, { allowUnregistered: true }) ?? undefined;
}

/** The QFPay runtime, from a request's or a job's container. */
export function qfpayRuntimeOf(scope: MedusaContainer): QfpayRuntime {
  return qfpayModuleOf(scope).runtime(lockingOf(scope));
}
