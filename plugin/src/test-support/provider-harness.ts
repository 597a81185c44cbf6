import { randomBytes } from "node:crypto";
import type { Logger } from "@medusajs/framework/types";
import { startSandbox, type Sandbox } from "@qfpay-medusa/sandbox";
import { startTestServer, type TestServer } from "@qfpay-medusa/sandbox/testing";
import { QfpayClient } from "@qfpay-medusa/shared/server";
import { QfpayRuntime } from "../core/runtime";
import type { QfpayModuleService } from "../modules/qfpay";
import { parseQfpayOptions, type QfpayApi, type QfpayProviderOptions } from "../qfpay";
import { QfpayProviderService } from "../providers/qfpay/service";
import { InProcessSessionLock } from "./in-process-session-lock";
import { MemoryBudgetStore } from "./memory-budget-store";
import { MemoryLedger } from "./memory-ledger";
import { SOLE_INSTANCE_LEASE } from "./sole-instance-lease";
import { TestClock } from "./test-clock";

export const APP_CODE = "PLUGINTESTAPP";
/** A new random key each run: no fixed secret, not even a test one. */
export const CLIENT_KEY = randomBytes(16).toString("hex").toUpperCase();

/** A notification as QFPay posted it to the store: the exact body and its X-QF-SIGN. */
export interface ReceivedNotification {
  body: string;
  signature: string;
}

/** An HTTP endpoint standing in for the store's notification URL: records what arrives and answers SUCCESS. */
export class NotificationInbox {
  private constructor(
    private readonly server: TestServer,
    readonly url: string,
    readonly received: ReceivedNotification[],
  ) {}

  static async start(): Promise<NotificationInbox> {
    const received: ReceivedNotification[] = [];
    const server = await startTestServer((request, response) => {
      received.push({ body: request.body, signature: String(request.headers["x-qf-sign"] ?? "") });
      response.writeHead(200, { "content-type": "text/plain" }).end("SUCCESS");
    });
    return new NotificationInbox(server, `${server.url}/notify`, received);
  }

  /** Waits for a notification whose body mentions `text` (e.g. an out_trade_no). */
  async waitFor(text: string, timeoutMs = 5000): Promise<ReceivedNotification> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.find((notification) => notification.body.includes(text));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`No notification mentioning ${text} within ${timeoutMs} ms`);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** Collects log lines, so tests can check what is logged and that no secret is. */
export class RecordingLogger {
  readonly lines: { level: string; message: string }[] = [];
  private add(level: string, message: unknown) {
    this.lines.push({ level, message: String(message) });
  }
  info = (message: unknown) => this.add("info", message);
  warn = (message: unknown) => this.add("warn", message);
  error = (message: unknown) => this.add("error", message);
  debug = (message: unknown) => this.add("debug", message);
  log = (message: unknown) => this.add("log", message);
  text(): string {
    return this.lines.map((line) => `${line.level}: ${line.message}`).join("\n");
  }
}

export interface ProviderHarness {
  sandbox: Sandbox;
  inbox: NotificationInbox;
  logger: RecordingLogger;
  provider: QfpayProviderService;
  /** The provider's runtime and ledger. */
  runtime: QfpayRuntime;
  ledger: MemoryLedger;
  /** The clock of every runtime and ledger here: real time, which a test moves ahead instead of sleeping. */
  clock: TestClock;
  /** Another provider instance (with a runtime and ledger of its own) on the same merchant with other options. */
  providerWith(options: Partial<QfpayProviderOptions>): QfpayProviderService;
  close(): Promise<void>;
}

export async function startProviderHarness(options: Partial<QfpayProviderOptions> = {}): Promise<ProviderHarness> {
  const inbox = await NotificationInbox.start();
  const sandbox = await startSandbox({
    merchants: [{ appCode: APP_CODE, clientKey: CLIENT_KEY, notifyUrl: inbox.url }],
    notifyTimeScale: 0.001,
  });
  const logger = new RecordingLogger();
  const clock = TestClock.running();
  const build = (extra: Partial<QfpayProviderOptions>) => {
    const ledger = new MemoryLedger(clock.now);
    const runtime = new QfpayRuntime({
      // The sandbox enforces QFPay's limits; the budget keeps under them even where fixed windows meet.
      options: parseQfpayOptions({
        appCode: APP_CODE,
        clientKey: CLIENT_KEY,
        baseUrl: sandbox.url,
        requestBudget: { perSecond: 50, perMinute: 400 },
        ...options,
        ...extra,
      }),
      store: ledger,
      budgetStore: new MemoryBudgetStore(),
      lock: new InProcessSessionLock(),
      lease: SOLE_INSTANCE_LEASE,
      logger,
      now: clock.now,
    });
    const module = { runtime: () => runtime, configured: true } as unknown as QfpayModuleService;
    const provider = new QfpayProviderService({ logger: logger as unknown as Logger, qfpay: module }, {});
    return { provider, runtime, ledger };
  };
  const first = build({});
  return {
    sandbox,
    inbox,
    logger,
    provider: first.provider,
    runtime: first.runtime,
    ledger: first.ledger,
    clock,
    providerWith: (extra) => build(extra).provider,
    async close() {
      await sandbox.close();
      await inbox.close();
    },
  };
}

let counter = 0;
/** A payment-session id shaped like Medusa's (`payses_` + 26 upper-case letters and digits). */
export function newSessionId(): string {
  counter += 1;
  const tail = `${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2)}`.toUpperCase();
  return `payses_${tail
    .replace(/[^A-Z0-9]/g, "")
    .padEnd(26, "0")
    .slice(0, 26)}`;
}

/** The real client with its queries counted, to see how often QFPay is asked. */
export function countingQfpayApi(baseUrl: string): { api: QfpayApi; queries(): number } {
  const client = new QfpayClient({ appCode: APP_CODE, clientKey: CLIENT_KEY, baseUrl });
  let queries = 0;
  const api: QfpayApi = {
    payment: (request) => client.payment(request),
    query: (request) => {
      queries += 1;
      return client.query(request);
    },
    refund: (request) => client.refund(request),
    close: (request) => client.close(request),
    reversal: (request) => client.reversal(request),
    authtrade: (request) => client.authtrade(request),
    addNote: (request) => client.addNote(request),
  };
  return { api, queries: () => queries };
}
