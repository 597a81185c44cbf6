import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { sign, type SignAlgorithm } from "@qfpay-medusa/shared/server";
import { startSandbox } from "./server.js";
import { startTestServer } from "./test-server.js";
import type { Sandbox, SandboxMerchant, SandboxOptions } from "./types.js";

/** Helpers for the sandbox's own tests: raw signed calls (no client) and a real notification receiver. */

export const MERCHANT: SandboxMerchant = { appCode: "APPCODE0001", clientKey: "CLIENTKEY0001", mchid: "MCH0001" };
export const PLAIN_MERCHANT: SandboxMerchant = { appCode: "APPCODE0002", clientKey: "CLIENTKEY0002" };

export function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ merchants: [{ ...MERCHANT }, { ...PLAIN_MERCHANT }], notifyTimeScale: 0.0001, ...options });
}

export interface CallOptions {
  merchant?: SandboxMerchant;
  signType?: SignAlgorithm;
  /** Replaces the computed signature (null: send none). */
  signature?: string | null;
  method?: "GET" | "POST";
}

export interface ApiResult {
  status: number;
  raw: string;
  bytes: Buffer;
  body: Record<string, unknown>;
  signature: string | null;
  contentType: string | null;
}

let counter = 0;
/** A fresh out_trade_no. */
export function uniqueNo(prefix = "T"): string {
  counter += 1;
  return `${prefix}${Date.now()}_${counter}`;
}

/** Signs `params` like a merchant would and calls `path`; mchid is added for merchants that have one. */
export async function call(sandbox: Sandbox, path: string, params: Record<string, string>, options: CallOptions = {}): Promise<ApiResult> {
  const merchant = options.merchant ?? MERCHANT;
  const all = merchant.mchid !== undefined && !("mchid" in params) ? { mchid: merchant.mchid, ...params } : params;
  const present = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ""));
  const signature = options.signature === undefined ? sign(present, merchant.clientKey, options.signType) : options.signature;
  const headers: Record<string, string> = {
    "X-QF-APPCODE": merchant.appCode,
    "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
  };
  if (signature !== null) headers["X-QF-SIGN"] = signature;
  if (options.signType) headers["X-QF-SIGNTYPE"] = options.signType;
  const method = options.method ?? "POST";
  const query = method === "GET" ? `?${new URLSearchParams(present)}` : "";
  const response = await fetch(`${sandbox.url}${path}${query}`, {
    method,
    headers,
    ...(method === "POST" ? { body: new URLSearchParams(present).toString() } : {}),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const raw = bytes.toString("utf8");
  const contentType = response.headers.get("content-type");
  return {
    status: response.status,
    raw,
    bytes,
    body: contentType?.startsWith("application/json") ? (JSON.parse(raw) as Record<string, unknown>) : {},
    signature: response.headers.get("x-qf-sign"),
    contentType,
  };
}

export function txdtm(date = new Date()): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** A payment request's parameters, overridable. */
export function paymentParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    txamt: "1000",
    txcurrcd: "HKD",
    pay_type: "800201",
    out_trade_no: uniqueNo("P"),
    txdtm: txdtm(),
    goods_name: "sandbox",
    ...overrides,
  };
}

export async function createPayment(sandbox: Sandbox, overrides: Record<string, string> = {}, options: CallOptions = {}) {
  const result = await call(sandbox, "/trade/v1/payment", paymentParams(overrides), options);
  return { result, syssn: String(result.body.syssn), outTradeNo: String(result.body.out_trade_no) };
}

export async function paidPayment(sandbox: Sandbox, overrides: Record<string, string> = {}, options: CallOptions = {}) {
  const created = await createPayment(sandbox, overrides, options);
  sandbox.control.pay(created.syssn);
  return created;
}

export interface ReceivedNotification {
  body: string;
  signature: string | undefined;
  at: number;
}

export interface Receiver {
  url: string;
  received: ReceivedNotification[];
  /** What to answer next: each call shifts one answer; the last one repeats. */
  answers: Array<{ status: number; body: string }>;
  /** Resolves once `count` notifications have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedNotification[]>;
  close(): Promise<void>;
}

/** A real HTTP server that records the notifications it gets. */
export async function startReceiver(answers: Array<{ status: number; body: string }> = [{ status: 200, body: "SUCCESS" }]): Promise<Receiver> {
  const received: ReceivedNotification[] = [];
  const waiters: Array<() => void> = [];
  const receiver: Partial<Receiver> = { received, answers };
  const server = await startTestServer((request, response) => {
    received.push({ body: request.body, signature: request.headers["x-qf-sign"] as string | undefined, at: request.at });
    const answer = receiver.answers!.length > 1 ? receiver.answers!.shift()! : receiver.answers![0]!;
    response.writeHead(answer.status, { "content-type": "text/plain" });
    response.end(answer.body);
    for (const wake of waiters.splice(0)) wake();
  });
  receiver.url = `${server.url}/hooks/qfpay`;
  receiver.waitFor = (count, timeoutMs = 3_000) =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`only ${received.length} of ${count} notifications arrived`)), timeoutMs);
      const check = (): void => {
        if (received.length >= count) {
          clearTimeout(deadline);
          resolve(received);
        } else waiters.push(check);
      };
      check();
    });
  receiver.close = server.close;
  return receiver as Receiver;
}

/**
 * A sandbox whose notifications go to a real receiver, started before a file's tests (or before each test
 * with `perTest`) and closed after; read `sandbox` and `receiver` inside the tests.
 */
export function useSandboxWithReceiver(options: { perTest?: boolean } = {}): { readonly sandbox: Sandbox; readonly receiver: Receiver } {
  let sandbox: Sandbox | undefined;
  let receiver: Receiver | undefined;
  (options.perTest ? beforeEach : beforeAll)(async () => {
    receiver = await startReceiver();
    sandbox = await startTestSandbox();
    sandbox.setNotifyUrl(MERCHANT.appCode, receiver.url);
  });
  (options.perTest ? afterEach : afterAll)(async () => {
    await sandbox?.close();
    await receiver?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The sandbox runs only inside the tests");
    return value;
  };
  return {
    get sandbox() {
      return started(sandbox);
    },
    get receiver() {
      return started(receiver);
    },
  };
}

/** A JSON call to the control API under `/__sandbox`; tests read whatever it answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function controlCall(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/** Resolves once `condition` holds, checking every 10 ms. */
export async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
