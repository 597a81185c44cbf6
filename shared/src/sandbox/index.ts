/**
 * A QFPay stand-in for the demo and for tests: the /trade/v1 endpoints with QFPay's signatures and return
 * codes, wallet pages a person can pay on, signed notifications with QFPay's retry schedule, a control API
 * and fault injection. Node only; never bundle it for a browser.
 */
export { startSandbox } from "./server.js";
export { QfpayRefusal, SandboxConfigError, SandboxControlError, type ControlErrorCode } from "./errors.js";
export { RETRY_INTERVALS_MS } from "./notifier.js";
export { AMOUNT_LIMIT_USD } from "./amount-limit.js";
export { CONTROL_PREFIX } from "./control-routes.js";
export { toPythonJson } from "./python-json.js";
export type {
  EndpointName,
  EntryKind,
  EntryState,
  FaultSettings,
  ForcedRespcd,
  LedgerEntry,
  NotificationAttempt,
  Sandbox,
  SandboxControl,
  SandboxFaults,
  SandboxMerchant,
  SandboxOptions,
} from "./types.js";
