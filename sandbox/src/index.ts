/**
 * A QFPay stand-in for the demo and for tests: the /trade/v1 endpoints with QFPay's signatures, return codes and
 * rate limit, wallet pages a person can pay on, signed notifications with QFPay's retry schedule, a control API
 * with fault injection, race hooks and traffic figures. Node only; never bundle it for a browser.
 */
export { startSandbox } from "./server.js";
export { QfpayRefusal, SandboxConfigError, SandboxControlError, type ControlErrorCode } from "./errors.js";
export { RETRY_INTERVALS_MS } from "./notifier.js";
export { AMOUNT_LIMIT_USD } from "./amount-limit.js";
export { QFPAY_RATE_LIMITS } from "./rate-limit.js";
export { CONTROL_PREFIX } from "./control-routes.js";
export { toPythonJson } from "./python-json.js";
export type {
  AppCodeTraffic,
  EndpointName,
  EntryKind,
  EntryState,
  FaultChanges,
  FaultSettings,
  ForcedRespcd,
  HeldNotification,
  LedgerEntry,
  NotificationAttempt,
  NotificationState,
  RaceHook,
  RaceHookAction,
  RaceHookEndpoint,
  RaceHookFiring,
  RaceHookMoment,
  RaceHookSpec,
  RateLimits,
  RateLimitSetting,
  Sandbox,
  SandboxControl,
  SandboxFaults,
  SandboxHooks,
  SandboxMerchant,
  SandboxOptions,
  TrafficReport,
  TrafficSecond,
  TrafficStats,
} from "./types.js";
