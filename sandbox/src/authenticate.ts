import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { sign, type SignAlgorithm } from "@qfpay-medusa/shared/server";
import { QfpayRefusal } from "./errors.js";
import type { MchidRule } from "./endpoint.js";
import type { Merchant, MerchantRegistry } from "./merchants.js";
import type { RequestParams } from "./params.js";

const SIGN_TYPES: Readonly<Record<string, SignAlgorithm>> = { MD5: "MD5", SHA256: "SHA256" };

/**
 * Who is calling: the app code names the merchant, `X-QF-SIGN` must be the signature of the parameters
 * with that merchant's key (MD5, or SHA256 when `X-QF-SIGNTYPE: SHA256`), and `mchid` must follow the
 * merchant's rule: required and equal when the merchant has one, absent when not.
 */
export function authenticate(headers: IncomingHttpHeaders, params: RequestParams, merchants: MerchantRegistry, mchidRule: MchidRule): Merchant {
  const appCode = header(headers, "x-qf-appcode");
  const merchant = merchants.find(appCode);
  if (!merchant) {
    throw new QfpayRefusal("1108", appCode === undefined ? "X-QF-APPCODE is missing" : "unknown app code");
  }
  const signType = (header(headers, "x-qf-signtype") ?? "MD5").toUpperCase();
  const algorithm = SIGN_TYPES[signType];
  if (!algorithm) throw new QfpayRefusal("1108", `X-QF-SIGNTYPE must be MD5 or SHA256, got "${signType}"`);
  const received = header(headers, "x-qf-sign");
  if (received === undefined) throw new QfpayRefusal("1108", "X-QF-SIGN is missing");
  if (!sameSignature(received, sign(params, merchant.clientKey, algorithm))) {
    throw new QfpayRefusal("1108", `X-QF-SIGN does not match the parameters (${algorithm})`);
  }
  checkMchid(merchant, params.mchid, mchidRule);
  return merchant;
}

function checkMchid(merchant: Merchant, mchid: string | undefined, rule: MchidRule): void {
  const given = mchid === "" ? undefined : mchid;
  if (rule === "forbidden") {
    if (given !== undefined) throw new QfpayRefusal("1104", "mchid cannot be passed to this endpoint");
    return;
  }
  if (rule === "optional" && given === undefined) return;
  if (merchant.mchid === undefined) {
    if (given !== undefined) throw new QfpayRefusal("1241", "this merchant has no mchid: leave mchid out");
    return;
  }
  if (given === undefined) throw new QfpayRefusal("1104", "mchid is required for this merchant");
  if (given !== merchant.mchid) throw new QfpayRefusal("1241", "mchid does not belong to this app code");
}

function sameSignature(received: string, expected: string): boolean {
  const a = Buffer.from(received.trim().toUpperCase(), "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === "" ? undefined : text;
}
