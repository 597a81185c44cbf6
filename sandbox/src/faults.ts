import { SandboxControlError } from "./errors.js";
import { QFPAY_RATE_LIMITS, readRateLimitSetting } from "./rate-limit.js";
import type { EndpointName, FaultChanges, FaultSettings, ForcedRespcd, RateLimitSetting, SandboxFaults } from "./types.js";

export const ENDPOINT_NAMES: readonly EndpointName[] = ["payment", "query", "refund", "close", "reversal", "authtrade", "add_note", "trade_bill"];

/** The rate limit is QFPay's behaviour rather than a fault; `clear()` brings back the one the sandbox started with. */
const NO_FAULTS: Omit<FaultSettings, "rateLimit"> = Object.freeze({
  latencyMs: 0,
  http5xx: 0,
  dropConnection: 0,
  duplicateNotifications: false,
  delayNotificationsMs: 0,
  outOfOrder: false,
  forgeNextNotification: false,
});

type Check = (value: unknown, name: string) => unknown;

const count: Check = (value, name) => {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new SandboxControlError("bad_request", `${name} must be a whole number ≥ 0`);
  }
  return value;
};

const flag: Check = (value, name) => {
  if (typeof value !== "boolean") throw new SandboxControlError("bad_request", `${name} must be true or false`);
  return value;
};

const rateLimit: Check = (value, name) => {
  const setting = readRateLimitSetting(value);
  if (setting === undefined) {
    throw new SandboxControlError("bad_request", `${name} must be false, true or { perSecond, perMinute } (whole numbers > 0)`);
  }
  return setting;
};

const forced: Check = (value, name) => {
  if (value === undefined || value === null) return undefined;
  const candidate = value as Partial<ForcedRespcd>;
  if (typeof candidate !== "object" || typeof candidate.respcd !== "string" || !/^\d{4}$/.test(candidate.respcd)) {
    throw new SandboxControlError("bad_request", `${name} must be { respcd: "dddd", endpoint? }`);
  }
  if (candidate.endpoint !== undefined && !ENDPOINT_NAMES.includes(candidate.endpoint)) {
    throw new SandboxControlError("bad_request", `${name}.endpoint must be one of ${ENDPOINT_NAMES.join(", ")}`);
  }
  return { respcd: candidate.respcd, ...(candidate.endpoint ? { endpoint: candidate.endpoint } : {}) };
};

/** Each setting and how to check it. */
const CHECKS: Readonly<Record<keyof FaultSettings, Check>> = {
  latencyMs: count,
  http5xx: count,
  dropConnection: count,
  rateLimit,
  forceRespcd: forced,
  duplicateNotifications: flag,
  delayNotificationsMs: count,
  outOfOrder: flag,
  forgeNextNotification: flag,
};

/** The faults in force; the `take*` methods consume one-shot faults. */
export class Faults implements SandboxFaults {
  private settings: FaultSettings;

  constructor(private readonly startRateLimit: RateLimitSetting = { ...QFPAY_RATE_LIMITS }) {
    this.settings = { ...NO_FAULTS, rateLimit: startRateLimit };
  }

  set(changes: FaultChanges): FaultSettings {
    if (typeof changes !== "object" || changes === null) {
      throw new SandboxControlError("bad_request", "faults must be an object");
    }
    const next: Record<string, unknown> = { ...this.settings };
    for (const [name, value] of Object.entries(changes)) {
      const check = CHECKS[name as keyof FaultSettings];
      if (!check) throw new SandboxControlError("bad_request", `unknown fault "${name}"`);
      next[name] = check(value, name);
    }
    this.settings = next as unknown as FaultSettings;
    return this.current();
  }

  clear(): FaultSettings {
    this.settings = { ...NO_FAULTS, rateLimit: this.startRateLimit };
    return this.current();
  }

  current(): FaultSettings {
    const { forceRespcd, rateLimit, ...rest } = this.settings;
    return { ...rest, rateLimit: rateLimit && { ...rateLimit }, ...(forceRespcd ? { forceRespcd: { ...forceRespcd } } : {}) };
  }

  takeHttp5xx(): boolean {
    return this.takeCount("http5xx");
  }

  takeDropConnection(): boolean {
    return this.takeCount("dropConnection");
  }

  /** The forced return code for this call, if one waits for this endpoint (or any). */
  takeForcedRespcd(endpoint: EndpointName): string | undefined {
    const force = this.settings.forceRespcd;
    if (!force || (force.endpoint !== undefined && force.endpoint !== endpoint)) return undefined;
    this.settings = { ...this.settings, forceRespcd: undefined };
    return force.respcd;
  }

  takeForgery(): boolean {
    if (!this.settings.forgeNextNotification) return false;
    this.settings = { ...this.settings, forgeNextNotification: false };
    return true;
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  get rateLimit(): RateLimitSetting {
    return this.settings.rateLimit;
  }

  get notificationDelayMs(): number {
    return this.settings.delayNotificationsMs;
  }

  get duplicateNotifications(): boolean {
    return this.settings.duplicateNotifications;
  }

  get outOfOrder(): boolean {
    return this.settings.outOfOrder;
  }

  private takeCount(name: "http5xx" | "dropConnection"): boolean {
    if (this.settings[name] <= 0) return false;
    this.settings = { ...this.settings, [name]: this.settings[name] - 1 };
    return true;
  }
}
