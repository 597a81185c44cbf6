import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./authenticate.js";
import { outcomeFields } from "./answer-fields.js";
import { bodySignature } from "./body-signature.js";
import type { Endpoint, EndpointAnswer } from "./endpoint.js";
import { QfpayRefusal } from "./errors.js";
import type { Faults } from "./faults.js";
import { sendGatewayPage } from "./gateway-pages.js";
import { formParams, readBody, send } from "./http-io.js";
import type { Ledger } from "./ledger.js";
import type { Merchant, MerchantRegistry } from "./merchants.js";
import { toPythonJson } from "./python-json.js";
import type { RaceHooks } from "./race-hooks.js";
import type { RateDecision, RateLimiter } from "./rate-limit.js";
import { requestIds } from "./request-ids.js";
import type { TimerSet } from "./timers.js";
import type { TrafficRecorder } from "./traffic.js";
import type { EndpointName } from "./types.js";

export interface ApiDependencies {
  merchants: MerchantRegistry;
  ledger: Ledger;
  faults: Faults;
  timers: TimerSet;
  rateLimiter: RateLimiter;
  traffic: TrafficRecorder;
  hooks: RaceHooks;
  clock: () => Date;
  publicUrl: string;
}

/**
 * One call to a QFPay endpoint: the rate limit and traffic count on arrival, network faults (drop, latency, 5xx),
 * authentication, `before` race hooks, a forced return code if one waits, the endpoint itself; the answer is JSON
 * signed with MD5(body + key); then `after` race hooks.
 */
export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  route: { name: EndpointName; endpoint: Endpoint },
  deps: ApiDependencies,
): Promise<void> {
  const { faults } = deps;
  const decision = admit(request, route.name, deps);
  if (!decision.allowed) {
    sendGatewayPage(response, 429, { "retry-after": String(decision.retryAfterSeconds) });
    return;
  }
  if (faults.takeDropConnection()) {
    request.socket.destroy();
    return;
  }
  if (faults.latencyMs > 0 && !(await deps.timers.sleep(faults.latencyMs))) {
    request.socket.destroy();
    return;
  }
  if (faults.takeHttp5xx()) {
    sendGatewayPage(response, 503);
    return;
  }
  const params = formParams(request, await readBody(request));
  let merchant: Merchant | undefined;
  let answer: EndpointAnswer;
  try {
    merchant = authenticate(request.headers, params, deps.merchants, route.endpoint.mchid);
    deps.hooks.fire("before", route.name, requestIds(params, deps.ledger, merchant.appCode));
    const forcedRespcd = faults.takeForcedRespcd(route.name);
    if (forcedRespcd !== undefined && !route.endpoint.appliesForcedRespcd) {
      throw new QfpayRefusal(forcedRespcd, "forced by the sandbox's fault injection");
    }
    answer = route.endpoint.handle({
      merchant,
      params,
      ledger: deps.ledger,
      publicUrl: deps.publicUrl,
      ...(forcedRespcd !== undefined ? { forcedRespcd } : {}),
    });
  } catch (error) {
    if (!(error instanceof QfpayRefusal)) throw error;
    answer = { kind: "json", body: refusalBody(error) };
  }
  reply(response, answer, merchant);
  if (merchant) deps.hooks.fire("after", route.name, requestIds(params, deps.ledger, merchant.appCode));
}

/** QFPay's gateway counts every request of an app code, and refuses it (429) above the limit. */
function admit(request: IncomingMessage, endpoint: EndpointName, deps: ApiDependencies): RateDecision {
  const appCode = String(request.headers["x-qf-appcode"] ?? "");
  const limits = deps.faults.rateLimit;
  const nowMs = deps.clock().getTime();
  const decision: RateDecision = limits ? deps.rateLimiter.check(appCode, nowMs, limits) : { allowed: true };
  deps.traffic.record(appCode, endpoint, nowMs, !decision.allowed);
  return decision;
}

function refusalBody(refusal: QfpayRefusal): Record<string, string> {
  return { ...refusal.fields, ...outcomeFields(refusal.respcd, "success", refusal.respmsg), respcd: refusal.respcd };
}

/** Signed with the merchant's key; a caller the sandbox cannot identify gets an unsigned answer. */
function reply(response: ServerResponse, answer: EndpointAnswer, merchant: Merchant | undefined): void {
  const body = answer.kind === "json" ? Buffer.from(toPythonJson(answer.body), "utf8") : answer.bytes;
  const headers: Record<string, string> =
    answer.kind === "json"
      ? { "content-type": "application/json; charset=UTF-8" }
      : { "content-type": answer.contentType, "content-disposition": `attachment; filename="${answer.fileName}"` };
  if (merchant) headers["x-qf-sign"] = bodySignature(body, merchant.clientKey);
  send(response, 200, body, { ...headers, "x-powered-by": "QF/1.1" });
}
