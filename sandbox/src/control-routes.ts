import type { IncomingMessage, ServerResponse } from "node:http";
import { SandboxConfigError, SandboxControlError } from "./errors.js";
import { readBody, sendJson } from "./http-io.js";
import type { SandboxControl } from "./types.js";

export const CONTROL_PREFIX = "/__sandbox";

/** The JSON body, with the query string's parameters under it (for GETs). */
type Body = Record<string, unknown>;
type ControlRoute = (control: SandboxControl, body: Body, setNotifyUrl: NotifyUrlSetter) => unknown;
type NotifyUrlSetter = (appCode: string, url: string | undefined) => void;

/** `METHOD /path` under `/__sandbox` → what it does. Bodies and answers are JSON. */
const ROUTES: Readonly<Record<string, ControlRoute>> = {
  "GET /ledger": (control) => control.ledger(),
  "GET /notifications": (control) => control.notifications(),
  "GET /faults": (control) => control.faults.current(),
  "POST /faults": (control, body) => control.faults.set(body),
  "DELETE /faults": (control) => control.faults.clear(),
  "POST /pay": (control, body) => control.pay(text(body.id)),
  "POST /pay-late": (control, body) => control.payLate(text(body.id)),
  "POST /fail": (control, body) => control.fail(text(body.id), body.respcd === undefined ? undefined : text(body.respcd)),
  "POST /hold": (control, body) => control.hold(text(body.id), body.ms === undefined ? undefined : (body.ms as number)),
  "POST /expire": (control, body) => control.expire(text(body.id)),
  "POST /refund-outside": (control, body) => control.refundOutside(text(body.id), optionalNumber(body.txamt)),
  "GET /hooks": (control) => control.hooks.list(),
  "POST /hooks": (control, body) => control.hooks.arm(body as never),
  "DELETE /hooks": (control) => control.hooks.clear(),
  "GET /notifications/state": (control) => control.notificationState(),
  "POST /notifications/pause": (control) => control.pauseNotifications(),
  "POST /notifications/resume": async (control) => ({ sent: await control.resumeNotifications() }),
  "POST /notifications/release": async (control, body) => ({ sent: await control.releaseNotification(text(body.id)) }),
  "POST /notifications/enabled": (control, body) => ({ enabled: control.notificationsEnabled(body.enabled as boolean) }),
  "GET /traffic": (control, body) => {
    const minutes = optionalNumber(body.minutes);
    return control.traffic(minutes === undefined ? {} : { minutes });
  },
  "POST /traffic/reset": (control) => control.resetTraffic(),
  "POST /notify-url": (_control, body, setNotifyUrl) => {
    setNotifyUrl(text(body.appCode), body.url === undefined || body.url === null ? undefined : text(body.url));
    return { ok: true };
  },
};

/** Answers a control call; false when the path is not under `/__sandbox`. */
export async function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  control: SandboxControl,
  setNotifyUrl: NotifyUrlSetter,
): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://sandbox");
  const path = url.pathname;
  if (!path.startsWith(`${CONTROL_PREFIX}/`)) return false;
  const route = ROUTES[`${request.method} ${path.slice(CONTROL_PREFIX.length)}`];
  if (!route) {
    sendJson(response, 404, { error: "not_found", message: `No control route ${request.method} ${path}` });
    return true;
  }
  try {
    const body = { ...Object.fromEntries(url.searchParams), ...(await jsonBody(request)) };
    sendJson(response, 200, (await route(control, body, setNotifyUrl)) ?? { ok: true });
  } catch (error) {
    if (error instanceof SandboxControlError) sendJson(response, error.httpStatus, { error: error.code, message: error.message });
    else if (error instanceof SandboxConfigError) sendJson(response, 400, { error: "bad_request", message: error.message });
    else throw error;
  }
  return true;
}

async function jsonBody(request: IncomingMessage): Promise<Body> {
  const raw = (await readBody(request)).toString("utf8").trim();
  if (raw === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SandboxControlError("bad_request", "the body must be JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SandboxControlError("bad_request", "the body must be a JSON object");
  }
  return parsed as Body;
}

/** A number, or a numeric string from a query string; undefined when absent. */
function optionalNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || Number.isNaN(number)) throw new SandboxControlError("bad_request", "expected a number");
  return number;
}

function text(value: unknown): string {
  if (typeof value !== "string") throw new SandboxControlError("bad_request", "expected a string");
  return value;
}
