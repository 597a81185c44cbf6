import { defineConfig, loadEnv } from "@medusajs/framework/utils";
import { demoPayTypesOption } from "./src/demo-pay-types";

loadEnv(process.env.NODE_ENV || "development", process.cwd());

/**
 * Everything here comes from the environment the launcher (launcher/medusa.ts) sets,
 * so the demo, the tests and a hand-run `medusa start` share one configuration.
 */
const env = process.env;

/** The QFPay merchant: given to the plugin, whose module serves every QFPay provider entry. */
function qfpayMerchantOptions(): Record<string, unknown> {
  return {
    appCode: env.QFPAY_APP_CODE,
    clientKey: env.QFPAY_CLIENT_KEY,
    ...(env.QFPAY_MCHID ? { mchid: env.QFPAY_MCHID } : {}),
    ...(env.QFPAY_BASE_URL ? { baseUrl: env.QFPAY_BASE_URL } : {}),
    payTypes: demoPayTypesOption(),
    // Extra merchant options as JSON (e.g. qrExpiryMinutes), merged last.
    ...(env.QFPAY_PROVIDER_OPTIONS ? JSON.parse(env.QFPAY_PROVIDER_OPTIONS) : {}),
  };
}

const qfpayEnabled = Boolean(env.QFPAY_APP_CODE);

/** Session signing secrets have no fallback: a fixed one would let anyone mint an admin token. */
function requiredSecret(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. The demo launcher makes random JWT and cookie secrets on the first start ` +
        `(kept in its state folder, demo/.pgdata/session-secrets.json); to run Medusa by hand, set JWT_SECRET and COOKIE_SECRET to long random values.`,
    );
  }
  return value;
}

/**
 * With REDIS_URL, Medusa's Redis modules replace the in-memory ones, so several instances share one
 * cache, one set of locks, one event queue and one workflow state. Without it nothing changes.
 */
function redisModules(redisUrl: string | undefined): Record<string, unknown>[] {
  if (!redisUrl) return [];
  return [
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
      },
    },
  ];
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    databaseLogging: false,
    redisUrl: env.REDIS_URL || undefined,
    http: {
      storeCors: env.STORE_CORS ?? "",
      adminCors: env.ADMIN_CORS ?? "",
      authCors: env.AUTH_CORS ?? "",
      jwtSecret: requiredSecret("JWT_SECRET"),
      cookieSecret: requiredSecret("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: env.MEDUSA_ADMIN_DISABLED === "true",
    backendUrl: env.MEDUSA_BACKEND_URL,
  },
  plugins: qfpayEnabled ? [{ resolve: "@qfpay-medusa/plugin", options: qfpayMerchantOptions() }] : [],
  modules: [
    ...redisModules(env.REDIS_URL),
    ...(qfpayEnabled
      ? [
          {
            resolve: "@medusajs/medusa/payment",
            // The provider reaches the plugin's module (its QFPay runtime and ledger) and Medusa's locks.
            dependencies: ["qfpay", "locking"],
            options: {
              providers: [{ resolve: "@qfpay-medusa/plugin/providers/qfpay", id: "qfpay" }],
            },
          },
        ]
      : []),
  ],
});
