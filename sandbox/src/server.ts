import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { handleApiCall, type ApiDependencies } from "./api-handler.js";
import { handleControlRequest } from "./control-routes.js";
import { createControl } from "./control.js";
import { API_ROUTES } from "./endpoints/index.js";
import { handleWechatOauthCodeRequest } from "./endpoints/wechat-oauth.js";
import { SandboxConfigError } from "./errors.js";
import { Faults } from "./faults.js";
import { sendJson } from "./http-io.js";
import { createLedgerActions } from "./ledger-actions.js";
import { Ledger } from "./ledger.js";
import { MerchantRegistry } from "./merchants.js";
import { Notifier } from "./notifier.js";
import { RaceHooks } from "./race-hooks.js";
import { QFPAY_RATE_LIMITS, RateLimiter, readRateLimitSetting } from "./rate-limit.js";
import { TimerSet } from "./timers.js";
import { DEFAULT_TRAFFIC_HISTORY_MINUTES, TrafficRecorder } from "./traffic.js";
import type { RateLimitSetting, Sandbox, SandboxOptions } from "./types.js";
import { handleWalletRequest } from "./wallet-routes.js";

const DEFAULT_HOST = "127.0.0.1";
/** Hosts that listen everywhere are reached through the loopback address. */
const WILDCARD_HOSTS: ReadonlySet<string> = new Set(["0.0.0.0", "::", ""]);

/** Starts a QFPay sandbox on `host:port` (port 0 = any free port) and resolves once it listens. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new SandboxConfigError(`port must be 0–65535, got ${port}`);
  const timeScale = options.notifyTimeScale ?? 1;
  if (!(typeof timeScale === "number" && timeScale >= 0 && Number.isFinite(timeScale))) {
    throw new SandboxConfigError(`notifyTimeScale must be a number ≥ 0, got ${timeScale}`);
  }
  const rateLimit = startRateLimit(options.rateLimit);
  const historyMinutes = options.trafficHistoryMinutes ?? DEFAULT_TRAFFIC_HISTORY_MINUTES;
  if (!(Number.isSafeInteger(historyMinutes) && historyMinutes > 0)) {
    throw new SandboxConfigError(`trafficHistoryMinutes must be a whole number > 0, got ${historyMinutes}`);
  }
  const clock = options.clock ?? (() => new Date());
  const merchants = new MerchantRegistry(options.merchants);
  const timers = new TimerSet();
  const faults = new Faults(rateLimit);
  const notifier = new Notifier({ timers, faults, merchants, timeScale });
  const ledger = new Ledger(clock, timers, (entry) => notifier.notify(entry));
  const actions = createLedgerActions(ledger);
  const hooks = new RaceHooks(actions, clock);
  const traffic = new TrafficRecorder(clock, historyMinutes);
  const rateLimiter = new RateLimiter();
  const control = createControl({ ledger, actions, faults, notifier, hooks, traffic, rateLimiter });
  const setNotifyUrl = (appCode: string, url: string | undefined): void => merchants.setNotifyUrl(appCode, url);

  const sockets = new Set<Socket>();
  const server = createServer();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await listen(server, port, host);
  const address = server.address();
  if (address === null || typeof address === "string") throw new SandboxConfigError("the sandbox did not get a TCP port");
  const reachableHost = WILDCARD_HOSTS.has(host) ? DEFAULT_HOST : host.includes(":") ? `[${host}]` : host;
  const url = `http://${reachableHost}:${address.port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");
  const api: ApiDependencies = { merchants, ledger, faults, timers, rateLimiter, traffic, hooks, clock, publicUrl };

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, { error: "internal", message: error instanceof Error ? error.message : String(error) });
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://sandbox").pathname;
    const apiRoute = API_ROUTES[path];
    if (handleWechatOauthCodeRequest(request, response, api)) return;
    if (apiRoute && (request.method === "POST" || request.method === "GET")) {
      await handleApiCall(request, response, apiRoute, api);
      return;
    }
    if (await handleWalletRequest(request, response, ledger)) return;
    if (await handleControlRequest(request, response, control, setNotifyUrl)) return;
    if (path === "/" && request.method === "GET") {
      sendJson(response, 200, { service: "QFPay sandbox", endpoints: Object.keys(API_ROUTES), control: "/__sandbox/" });
      return;
    }
    sendJson(response, 404, { error: "not_found", message: `No route ${request.method} ${path}` });
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    control,
    ledger: () => ledger.snapshots(),
    setNotifyUrl,
    close() {
      closing ??= new Promise<void>((resolve) => {
        timers.clearAll();
        notifier.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** QFPay's limits unless the options say otherwise. */
function startRateLimit(option: unknown): RateLimitSetting {
  if (option === undefined) return { ...QFPAY_RATE_LIMITS };
  const setting = readRateLimitSetting(option);
  if (setting === undefined) {
    throw new SandboxConfigError("rateLimit must be false or { perSecond, perMinute } with whole numbers > 0");
  }
  return setting;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
