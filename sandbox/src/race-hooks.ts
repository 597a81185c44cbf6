import { SandboxControlError } from "./errors.js";
import { ENDPOINT_NAMES } from "./faults.js";
import { checkFailRespcd, checkHoldMs, type LedgerActions } from "./ledger-actions.js";
import type { LedgerEntry, RaceHook, RaceHookAction, RaceHookEndpoint, RaceHookMoment, RaceHookSpec, SandboxHooks } from "./types.js";

/** What each action does to the hook's order. */
const ACTIONS: Readonly<Record<RaceHookAction, (actions: LedgerActions, hook: RaceHook) => LedgerEntry>> = {
  pay: (actions, hook) => actions.pay(hook.id),
  hold: (actions, hook) => actions.hold(hook.id, hook.ms),
  fail: (actions, hook) => actions.fail(hook.id, hook.respcd),
  expire: (actions, hook) => actions.expire(hook.id),
};

const MOMENTS: readonly RaceHookMoment[] = ["before", "after"];
const HOOK_ENDPOINTS: readonly string[] = ENDPOINT_NAMES.filter((name) => name !== "trade_bill");

/**
 * One-shot hooks for deterministic races: when a request of an endpoint naming an order is handled, the hook's
 * action runs on that order first (`before`) or right after the answer is written (`after`), before any other
 * request is read. Requests refused at the gateway (429, 503, dropped) do not fire hooks.
 */
export class RaceHooks implements SandboxHooks {
  private hooks: RaceHook[] = [];
  private nextId = 1;

  constructor(
    private readonly actions: LedgerActions,
    private readonly clock: () => Date,
  ) {}

  arm(spec: RaceHookSpec): RaceHook {
    const hook: RaceHook = { hookId: this.nextId++, ...checkedSpec(spec), armedAt: this.clock().toISOString() };
    this.hooks.push(hook);
    return hook;
  }

  list(): readonly RaceHook[] {
    return [...this.hooks];
  }

  clear(): void {
    this.hooks = [];
  }

  /** Runs, in arming order, every armed hook of this moment and endpoint whose id the request names. */
  fire(when: RaceHookMoment, endpoint: string, ids: ReadonlySet<string>): void {
    for (const [index, hook] of this.hooks.entries()) {
      if (hook.fired || hook.when !== when || hook.endpoint !== endpoint || !ids.has(hook.id)) continue;
      this.hooks[index] = { ...hook, fired: this.run(hook) };
    }
  }

  private run(hook: RaceHook): RaceHook["fired"] {
    const at = this.clock().toISOString();
    try {
      return { at, result: "done", entry: ACTIONS[hook.action](this.actions, hook) };
    } catch (error) {
      if (!(error instanceof SandboxControlError)) throw error;
      return { at, result: "refused", message: error.message };
    }
  }
}

function checkedSpec(spec: RaceHookSpec): Omit<RaceHook, "hookId" | "armedAt"> {
  if (typeof spec !== "object" || spec === null) throw new SandboxControlError("bad_request", "a hook must be an object");
  const { endpoint, id, action, when = "before", respcd, ms } = spec;
  if (!HOOK_ENDPOINTS.includes(endpoint)) {
    throw new SandboxControlError("bad_request", `endpoint must be one of ${HOOK_ENDPOINTS.join(", ")}`);
  }
  if (typeof id !== "string" || id === "") throw new SandboxControlError("bad_request", "id (syssn or out_trade_no) is required");
  if (!Object.hasOwn(ACTIONS, action)) {
    throw new SandboxControlError("bad_request", `action must be one of ${Object.keys(ACTIONS).join(", ")}`);
  }
  if (!MOMENTS.includes(when)) throw new SandboxControlError("bad_request", `when must be ${MOMENTS.join(" or ")}`);
  if (respcd !== undefined && action !== "fail") throw new SandboxControlError("bad_request", "respcd goes with action fail");
  if (ms !== undefined && action !== "hold") throw new SandboxControlError("bad_request", "ms goes with action hold");
  if (respcd !== undefined) checkFailRespcd(respcd);
  checkHoldMs(ms);
  return {
    endpoint: endpoint as RaceHookEndpoint,
    id,
    action,
    when,
    ...(respcd !== undefined ? { respcd } : {}),
    ...(ms !== undefined ? { ms } : {}),
  };
}
