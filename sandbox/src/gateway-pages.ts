import type { ServerResponse } from "node:http";
import { send } from "./http-io.js";

/**
 * What QFPay's gateway answers when a request does not reach the API (rate limit, maintenance): the web server's
 * plain HTML page, unsigned. QFPay documents only the status code.
 */
const REASONS = {
  429: "Too Many Requests",
  503: "Service Temporarily Unavailable",
} as const;

export type GatewayStatus = keyof typeof REASONS;

export function sendGatewayPage(response: ServerResponse, status: GatewayStatus, headers: Readonly<Record<string, string>> = {}): void {
  const title = `${status} ${REASONS[status]}`;
  const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  send(response, status, page, { "content-type": "text/html", ...headers });
}
