import type { IncomingMessage, ServerResponse } from "node:http";
import { SandboxConfigError, SandboxControlError } from "./errors.js";
import { readBody, sendJson } from "./http-io.js";
import type { SandboxControl } from "./types.js";

export const CONTROL_PREFIX = "/__sandbox";

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
  "POST /fail": (control, body) => control.fail(text(body.id), body.respcd === undefined ? undefined : text(body.respcd)),
  "POST /hold": (control, body) => control.hold(text(body.id), body.ms === undefined ? undefined : (body.ms as number)),
  "POST /expire": (control, body) => control.expire(text(body.id)),
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
  const path = new URL(request.url ?? "/", "http://sandbox").pathname;
  if (!path.startsWith(`${CONTROL_PREFIX}/`)) return false;
  const route = ROUTES[`${request.method} ${path.slice(CONTROL_PREFIX.length)}`];
  if (!route) {
    sendJson(response, 404, { error: "not_found", message: `No control route ${request.method} ${path}` });
    return true;
  }
  try {
    const body = await jsonBody(request);
    sendJson(response, 200, route(control, body, setNotifyUrl) ?? { ok: true });
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

function text(value: unknown): string {
  if (typeof value !== "string") throw new SandboxControlError("bad_request", "expected a string");
  return value;
}
