/**
 * A stand-in for the plugin's checkout routes (GET /store/qfpay/payment-sessions/:id, the same GET outside /store
 * that needs no publishable key, and POST /store/…/refresh),
 * answering the shared CheckoutStatus contract, with a control API the browser tests drive:
 * set a session's state, count requests (and aborted ones), delay answers, fail the next ones.
 * Runs in Node from vitest's globalSetup.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CheckoutStatus, StorePayTypes } from "@qfpay-medusa/shared/checkout";
import { STAND_IN_PAY_PARAMS } from "./pay-params.js";

export const STAND_IN_PUBLISHABLE_KEY = "pk_stand_in";

export interface SessionSetup {
  status?: CheckoutStatus["status"];
  wallet?: string;
  pay_type?: string;
  mode?: CheckoutStatus["mode"];
  qrcode?: string;
  pay_url?: string;
  pay_params?: CheckoutStatus["pay_params"];
  amount?: number;
  amount_exponent?: number;
  currency_code?: string;
  message?: string;
  /** Validity of the code from now, seconds (null: no expiry). */
  ttl_seconds?: number | null;
  /** How far the server's clock is ahead of the real one, ms. */
  clock_skew_ms?: number;
  /** Delay before answering each GET, ms. */
  delay_ms?: number;
}

/**
 * One scripted answer: an HTTP error with Medusa's body, or a network failure as the page sees it
 * (an answer without CORS headers: fetch rejects exactly as when the server is unreachable; a
 * closed socket would not do, browsers silently retry those on a reused connection).
 */
export type ScriptedFailure = { http: number; message?: string } | { network: true };

interface SessionRecord {
  checkout: CheckoutStatus;
  clockSkewMs: number;
  delayMs: number;
  ttlSeconds: number | null;
  failures: ScriptedFailure[];
  gets: number;
  /** GETs through the store API (with the publishable key); the rest went to the route outside /store. */
  storeGets: number;
  /** CORS preflights (OPTIONS) for the session's routes. */
  preflights: number;
  refreshes: number;
  aborted: number;
  codeNumber: number;
}

export interface SessionStats {
  gets: number;
  store_gets: number;
  preflights: number;
  refreshes: number;
  aborted: number;
  status: CheckoutStatus["status"];
}

const ROUTE = /^(\/store)?\/qfpay\/payment-sessions\/([^/]+)(\/refresh)?$/;
const CONTROL = /^\/__control\/sessions\/([^/]+)(\/fail)?$/;
const CART_CONTROL = /^\/__control\/carts\/([^/]+)$/;

/** The pay types `GET /store/qfpay/pay-types` answers for a cart (the drop-in's tests set them). */
export interface CartSetup {
  pay_types: StorePayTypes["pay_types"];
  provider_id?: string | null;
  /** The openid `POST /store/qfpay/wechat/openid` gives for the code "good-code". */
  openid?: string;
}

/** What the drop-in asked the stand-in store for a cart. */
export interface CartStats {
  pay_type_gets: number;
  collections_created: number;
  sessions_created: { provider_id: string; data: Record<string, string> }[];
  session_ids: string[];
  oauth_starts: { return_url: string }[];
  openid_exchanges: { code: string; state: string; page_url: string }[];
}

interface CartRecord {
  setup: CartSetup;
  collection: string | undefined;
  stats: CartStats;
}

export class StatusServer {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly carts = new Map<string, CartRecord>();
  private server: Server | undefined;
  url = "";

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
    res.setHeader("access-control-allow-headers", "x-publishable-api-key, content-type, accept");
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader("vary", "origin");
    const path = new URL(req.url ?? "/", this.url).pathname;
    if (req.method === "OPTIONS") {
      const preflighted = ROUTE.exec(path);
      const session = preflighted ? this.sessions.get(decodeURIComponent(preflighted[2]!)) : undefined;
      if (session) session.preflights++;
      return void res.writeHead(204).end();
    }
    const control = CONTROL.exec(path);
    if (control) return this.handleControl(req, res, decodeURIComponent(control[1]!), control[2] !== undefined);
    const cartControl = CART_CONTROL.exec(path);
    if (cartControl) return this.handleCartControl(req, res, decodeURIComponent(cartControl[1]!));
    if (!ROUTE.test(path) && path.startsWith("/store/")) return this.handleStore(req, res, new URL(req.url ?? "/", this.url));
    const route = ROUTE.exec(path);
    if (!route) return json(res, 404, { type: "not_found", message: "Route not found" });
    const throughStore = route[1] !== undefined;
    const id = decodeURIComponent(route[2]!);
    const refresh = route[3] !== undefined;
    if (refresh !== (req.method === "POST") || (refresh && !throughStore)) return json(res, 404, { type: "not_found", message: "Route not found" });
    if (throughStore && req.headers["x-publishable-api-key"] !== STAND_IN_PUBLISHABLE_KEY) {
      return json(res, 400, {
        type: "not_allowed",
        message: "Publishable API key required in the request header: x-publishable-api-key.",
      });
    }
    const session = this.sessions.get(id);
    if (!session) return json(res, 404, { type: "not_found", message: `Payment session with id: ${id} was not found` });
    if (refresh) return this.handleRefresh(res, session);
    session.gets++;
    if (throughStore) session.storeGets++;
    let aborted = false;
    res.on("close", () => {
      if (!res.writableFinished) {
        aborted = true;
        session.aborted++;
      }
    });
    if (session.delayMs > 0) await sleep(session.delayMs);
    if (aborted) return;
    const failure = session.failures.shift();
    if (failure && "network" in failure) {
      res.removeHeader("access-control-allow-origin");
      return void res.writeHead(502).end();
    }
    if (failure) return json(res, failure.http, { type: "unexpected_state", message: failure.message ?? "Scripted failure" });
    json(res, 200, this.view(session));
  }

  /** The Medusa store API calls of the drop-in: pay types, cart, payment collection and session, WeChat sign-in. */
  private async handleStore(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.headers["x-publishable-api-key"] !== STAND_IN_PUBLISHABLE_KEY) {
      return json(res, 400, { type: "not_allowed", message: "Publishable API key required in the request header: x-publishable-api-key." });
    }
    const body = req.method === "POST" ? (JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>) : {};
    const path = url.pathname;
    const cartOf = (id: string | null | undefined) => (id ? this.carts.get(id) : undefined);
    if (req.method === "GET" && path === "/store/qfpay/pay-types") {
      const cart = cartOf(url.searchParams.get("cart_id"));
      if (!cart) return json(res, 404, { type: "not_found", message: "Cart was not found" });
      cart.stats.pay_type_gets++;
      const answer: StorePayTypes = {
        cart_id: url.searchParams.get("cart_id")!,
        currency_code: "hkd",
        device: "desktop",
        provider_id: cart.setup.provider_id === undefined ? "pp_qfpay_qfpay" : cart.setup.provider_id,
        storefront_may_choose: true,
        default_pay_type: cart.setup.pay_types[0]?.pay_type ?? null,
        pay_types: cart.setup.pay_types,
      };
      return json(res, 200, answer);
    }
    const cartPath = /^\/store\/carts\/([^/]+)$/.exec(path);
    if (req.method === "GET" && cartPath) {
      const cart = cartOf(decodeURIComponent(cartPath[1]!));
      if (!cart) return json(res, 404, { type: "not_found", message: "Cart was not found" });
      return json(res, 200, { cart: { id: cartPath[1], payment_collection: cart.collection ? { id: cart.collection } : null } });
    }
    if (req.method === "POST" && path === "/store/payment-collections") {
      const cartId = String(body.cart_id);
      const cart = cartOf(cartId);
      if (!cart) return json(res, 404, { type: "not_found", message: "Cart was not found" });
      cart.stats.collections_created++;
      cart.collection = `pay_col_${cartId}`;
      return json(res, 200, { payment_collection: { id: cart.collection } });
    }
    const sessionsPath = /^\/store\/payment-collections\/pay_col_([^/]+)\/payment-sessions$/.exec(path);
    if (req.method === "POST" && sessionsPath) {
      const cartId = decodeURIComponent(sessionsPath[1]!);
      const cart = cartOf(cartId);
      if (!cart) return json(res, 404, { type: "not_found", message: "Payment collection was not found" });
      const created = body as unknown as CartStats["sessions_created"][number];
      cart.stats.sessions_created.push(created);
      const option = cart.setup.pay_types.find((candidate) => candidate.pay_type === created.data.pay_type);
      const sessionId = `payses_${cartId}_${cart.stats.sessions_created.length}`;
      cart.stats.session_ids.push(sessionId);
      const mode = option?.mode ?? "qr";
      this.upsert(sessionId, {
        wallet: option?.wallet ?? "wechat",
        pay_type: created.data.pay_type,
        mode,
        ...(mode === "jsapi" ? { pay_params: STAND_IN_PAY_PARAMS } : {}),
      });
      return json(res, 200, { payment_collection: { id: cart.collection, payment_sessions: [{ id: sessionId, provider_id: created.provider_id }] } });
    }
    if (req.method === "POST" && path === "/store/qfpay/wechat/oauth") {
      const returnUrl = String(body.return_url);
      for (const cart of this.carts.values()) cart.stats.oauth_starts.push({ return_url: returnUrl });
      const back = new URL(returnUrl);
      back.searchParams.set("qfpay_oauth", "signed-state");
      return json(res, 200, {
        url: `https://openapi-test.qfpay.com/tool/v1/get_weixin_oauth_code?app_code=APP&sign=SIGN&redirect_uri=${encodeURIComponent(back.toString())}`,
      });
    }
    if (req.method === "POST" && path === "/store/qfpay/wechat/openid") {
      const exchange = body as unknown as CartStats["openid_exchanges"][number];
      const cart = [...this.carts.values()].find((candidate) => candidate.setup.openid !== undefined);
      cart?.stats.openid_exchanges.push(exchange);
      if (exchange.code !== "good-code" || exchange.state !== "signed-state" || !cart) {
        return json(res, 400, { type: "not_allowed", message: "The WeChat sign-in answer is not one this store asked for" });
      }
      return json(res, 200, { openid: cart.setup.openid });
    }
    return json(res, 404, { type: "not_found", message: "Route not found" });
  }

  private async handleCartControl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (req.method === "GET") {
      const cart = this.carts.get(id);
      return cart ? json(res, 200, cart.stats) : json(res, 404, { message: "no such cart" });
    }
    const setup = JSON.parse((await readBody(req)) || "{}") as CartSetup;
    this.carts.set(id, {
      setup,
      collection: undefined,
      stats: { pay_type_gets: 0, collections_created: 0, sessions_created: [], session_ids: [], oauth_starts: [], openid_exchanges: [] },
    });
    return json(res, 200, { ok: true });
  }

  private handleRefresh(res: ServerResponse, session: SessionRecord): void {
    session.refreshes++;
    if (session.checkout.status === "succeeded") {
      return json(res, 400, { type: "not_allowed", message: "This payment is already paid: no new code can be issued" });
    }
    session.codeNumber++;
    const base = session.checkout.qrcode ?? session.checkout.pay_url ?? `${this.url}/wallet/qr/x`;
    const renewed = base.replace(/(-\d+)?$/, `-${session.codeNumber}`);
    session.checkout = {
      ...session.checkout,
      status: "pending",
      ...(session.checkout.mode === "qr" ? { qrcode: renewed } : { pay_url: renewed }),
      expires_at: session.ttlSeconds === null ? null : this.serverDate(session, session.ttlSeconds * 1000),
    };
    delete session.checkout.message;
    json(res, 200, this.view(session));
  }

  private async handleControl(req: IncomingMessage, res: ServerResponse, id: string, fail: boolean): Promise<void> {
    if (req.method === "GET") {
      const session = this.sessions.get(id);
      if (!session) return json(res, 404, { message: "no such session" });
      const stats: SessionStats = {
        gets: session.gets,
        store_gets: session.storeGets,
        preflights: session.preflights,
        refreshes: session.refreshes,
        aborted: session.aborted,
        status: session.checkout.status,
      };
      return json(res, 200, stats);
    }
    const body = JSON.parse((await readBody(req)) || "{}") as unknown;
    if (fail) {
      const session = this.sessions.get(id);
      if (!session) return json(res, 404, { message: "no such session" });
      session.failures.push(...(body as ScriptedFailure[]));
      return json(res, 200, { queued: session.failures.length });
    }
    this.upsert(id, body as SessionSetup);
    return json(res, 200, this.view(this.sessions.get(id)!));
  }

  private upsert(id: string, setup: SessionSetup): void {
    const existing = this.sessions.get(id);
    const skew = setup.clock_skew_ms ?? existing?.clockSkewMs ?? 0;
    const ttl = setup.ttl_seconds !== undefined ? setup.ttl_seconds : (existing?.ttlSeconds ?? 300);
    const mode = setup.mode ?? existing?.checkout.mode ?? "qr";
    const record: SessionRecord = existing ?? {
      checkout: {
        session_id: id,
        status: "pending",
        pay_type: mode === "qr" ? "800201" : "801501",
        wallet: "wechat",
        mode,
        amount: 12_345,
        amount_exponent: 2,
        currency_code: "hkd",
        expires_at: null,
        server_time: new Date().toISOString(),
      },
      clockSkewMs: skew,
      delayMs: 0,
      ttlSeconds: ttl,
      failures: [],
      gets: 0,
      storeGets: 0,
      preflights: 0,
      refreshes: 0,
      aborted: 0,
      codeNumber: 0,
    };
    record.clockSkewMs = skew;
    record.ttlSeconds = ttl;
    record.delayMs = setup.delay_ms ?? record.delayMs;
    const { ttl_seconds: _ttl, clock_skew_ms: _skew, delay_ms: _delay, ...fields } = setup;
    record.checkout = { ...record.checkout, ...fields, mode };
    if (mode === "qr" && !record.checkout.qrcode) record.checkout.qrcode = `${this.url}/wallet/qr/${id}`;
    if (mode === "redirect" && !record.checkout.pay_url) record.checkout.pay_url = `https://wallet.example.com/pay/${id}`;
    if (!existing || setup.ttl_seconds !== undefined) {
      record.checkout.expires_at = ttl === null ? null : this.serverDate(record, ttl * 1000);
    }
    this.sessions.set(id, record);
  }

  private serverDate(session: SessionRecord, fromNowMs = 0): string {
    return new Date(Date.now() + session.clockSkewMs + fromNowMs).toISOString();
  }

  /**
   * What the plugin's route answers: a pending code past its expiry is "expired"; the code comes only while the
   * payment is open, a message only once it is not.
   */
  private view(session: SessionRecord): CheckoutStatus {
    const { qrcode, pay_url, pay_params, message, ...rest } = session.checkout;
    const serverTime = this.serverDate(session);
    const pastExpiry = rest.expires_at !== null && Date.parse(serverTime) >= Date.parse(rest.expires_at);
    const status = rest.status === "pending" && pastExpiry ? "expired" : rest.status;
    const open = status === "pending" || status === "processing";
    return { ...rest, status, ...(open ? { qrcode, pay_url, pay_params } : { message }), server_time: serverTime };
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
