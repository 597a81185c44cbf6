import { SandboxControlError } from "./errors.js";
import type { Faults } from "./faults.js";
import type { Ledger } from "./ledger.js";
import type { LedgerActions } from "./ledger-actions.js";
import type { Notifier } from "./notifier.js";
import { refundOutside } from "./outside-refund.js";
import type { RaceHooks } from "./race-hooks.js";
import type { RateLimiter } from "./rate-limit.js";
import type { TrafficRecorder } from "./traffic.js";
import type { SandboxControl } from "./types.js";

export interface ControlParts {
  ledger: Ledger;
  actions: LedgerActions;
  faults: Faults;
  notifier: Notifier;
  hooks: RaceHooks;
  traffic: TrafficRecorder;
  rateLimiter: RateLimiter;
}

/** The test controls over the sandbox's state, in-process. */
export function createControl({ ledger, actions, faults, notifier, hooks, traffic, rateLimiter }: ControlParts): SandboxControl {
  const { gate } = notifier;
  return {
    pay: (id) => actions.pay(id),
    payLate: (id) => actions.payLate(id),
    fail: (id, respcd) => actions.fail(id, respcd),
    hold: (id, ms) => actions.hold(id, ms),
    expire: (id) => actions.expire(id),
    refundOutside: (paymentId, txamt) => refundOutside(ledger, paymentId, txamt),
    faults: {
      set: (settings) => faults.set(settings),
      clear: () => faults.clear(),
      current: () => faults.current(),
    },
    hooks: {
      arm: (spec) => hooks.arm(spec),
      list: () => hooks.list(),
      clear: () => hooks.clear(),
    },
    notifications: () => notifier.attempts(),
    pauseNotifications: () => gate.pause(),
    resumeNotifications: () => gate.resume(),
    releaseNotification(id) {
      if (typeof id !== "string" || id === "") throw new SandboxControlError("bad_request", "id (syssn or out_trade_no) is required");
      return gate.release(id);
    },
    notificationsEnabled(enabled) {
      if (enabled !== undefined && typeof enabled !== "boolean") throw new SandboxControlError("bad_request", "enabled must be true or false");
      if (enabled !== undefined) gate.setEnabled(enabled);
      return gate.isEnabled();
    },
    notificationState: () => gate.state(),
    traffic(options = {}) {
      const { minutes } = options;
      if (minutes !== undefined && !(typeof minutes === "number" && Number.isFinite(minutes) && minutes >= 0)) {
        throw new SandboxControlError("bad_request", "minutes must be a number ≥ 0");
      }
      return traffic.report(minutes);
    },
    resetTraffic() {
      traffic.reset();
      rateLimiter.reset();
    },
    ledger: () => ledger.snapshots(),
  };
}
