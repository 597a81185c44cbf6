import { defineConfig, loadEnv } from "@medusajs/framework/utils";

loadEnv(process.env.NODE_ENV || "development", process.cwd());

// A store's medusa-config as the plugin's README gives it; the values come from the harness (compat/driver.mjs).
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET!,
      cookieSecret: process.env.COOKIE_SECRET!,
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "@qfpay-medusa/plugin",
      options: {
        appCode: process.env.QFPAY_APP_CODE,
        clientKey: process.env.QFPAY_CLIENT_KEY,
        baseUrl: process.env.QFPAY_BASE_URL,
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      dependencies: ["qfpay", "locking"],
      options: {
        providers: [{ resolve: "@qfpay-medusa/plugin/providers/qfpay", id: "qfpay" }],
      },
    },
  ],
});
