import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./authenticate.js";
import { outcomeFields } from "./answer-fields.js";
import { bodySignature } from "./body-signature.js";
import type { Endpoint, EndpointAnswer } from "./endpoint.js";
import { QfpayRefusal } from "./errors.js";
import type { Faults } from "./faults.js";
import { formParams, readBody, send } from "./http-io.js";
import type { Ledger } from "./ledger.js";
import type { Merchant, MerchantRegistry } from "./merchants.js";
import { toPythonJson } from "./python-json.js";
import type { RateLimiter } from "./rate-limit.js";
import type { TimerSet } from "./timers.js";
import type { EndpointName } from "./types.js";

export interface ApiDependencies {
  merchants: MerchantRegistry;
  ledger: Ledger;
  faults: Faults;
  timers: TimerSet;
  rateLimiter: RateLimiter;
  publicUrl: string;
}

/**
 * One call to a QFPay endpoint: network faults first (drop, latency, rate limit, 5xx), then authentication, a forced
 * return code if one waits, the endpoint itself; the answer is JSON signed with MD5(body + key).
 */
export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  route: { name: EndpointName; endpoint: Endpoint },
  deps: ApiDependencies,
): Promise<void> {
  const { faults } = deps;
  if (faults.takeDropConnection()) {
    request.socket.destroy();
    return;
  }
  if (faults.latencyMs > 0 && !(await deps.timers.sleep(faults.latencyMs))) {
    request.socket.destroy();
    return;
  }
  if (faults.rateLimit && !deps.rateLimiter.allow(String(request.headers["x-qf-appcode"] ?? ""), performance.now())) {
    send(response, 429, "<html><body><h1>429 Too Many Requests</h1></body></html>", { "content-type": "text/html" });
    return;
  }
  if (faults.takeHttp5xx()) {
    send(response, 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", {
      "content-type": "text/html",
    });
    return;
  }
  const params = formParams(request, await readBody(request));
  let merchant: Merchant | undefined;
  let answer: EndpointAnswer;
  try {
    merchant = authenticate(request.headers, params, deps.merchants, route.endpoint.mchid);
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
