import { notificationSchema, type Notification } from "../schemas/notification.js";
import { verify } from "../signing.js";
import { describeIssues } from "./describe-issues.js";
import { QfpayNotificationError } from "./errors.js";
import { parseQfpayJson } from "./response-json.js";

/**
 * Verifies a notification's X-QF-SIGN over the raw bytes received (MD5(body + key)), then parses it.
 * Throws `QfpayNotificationError` ("bad_signature" before anything is parsed, "bad_body" after).
 */
export function parseNotification(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, clientKey: string): Notification {
  if (!verify(rawBody, signatureHeader, clientKey, "MD5")) {
    throw new QfpayNotificationError("bad_signature", "X-QF-SIGN is missing or does not match the body");
  }
  let json: unknown;
  try {
    // The signature covers the bytes as sent, a byte-order mark included; the JSON starts after it.
    const text = typeof rawBody === "string" ? rawBody : new TextDecoder("utf-8", { fatal: true }).decode(rawBody);
    json = parseQfpayJson(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new QfpayNotificationError("bad_body", "body is not UTF-8 JSON");
  }
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) {
    throw new QfpayNotificationError("bad_body", `body is not a notification: ${describeIssues(parsed.error).join("; ")}`);
  }
  return parsed.data;
}
