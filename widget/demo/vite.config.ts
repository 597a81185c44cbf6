import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import type { StorePayType } from "@qfpay-medusa/shared/checkout";
import { STAND_IN_PAY_PARAMS } from "../src/test-support/pay-params.js";
import { StatusServer, STAND_IN_PUBLISHABLE_KEY, type SessionSetup } from "../src/test-support/status-server.js";

const DEMO_SESSIONS: Array<{ caption: string; setup: SessionSetup; locale?: string; allowedOrigins?: string }> = [
  { caption: "WeChat Pay, QR", setup: { wallet: "wechat", amount: 26_800, currency_code: "hkd", ttl_seconds: 287 } },
  {
    caption: "Alipay HK, 繁體中文",
    locale: "zh-HK",
    setup: { wallet: "alipay_hk", amount: 9_950, currency_code: "hkd", ttl_seconds: 120, qrcode: "https://qr.alipay.com/bax08231xqzwaxqgs7ab0064" },
  },
  {
    caption: "Alipay, redirect",
    setup: {
      mode: "redirect",
      wallet: "alipay",
      amount: 4_200,
      currency_code: "hkd",
      ttl_seconds: 900,
      pay_url: "https://openapi.alipay.com/gateway.do?demo=1",
    },
  },
  { caption: "Succeeded, 日本語", locale: "ja", setup: { status: "succeeded", wallet: "wechat", amount: 3_300, currency_code: "jpy" } },
  {
    caption: "PromptPay, ไทย, processing",
    locale: "th",
    setup: { status: "processing", wallet: "promptpay", amount: 59_000, currency_code: "thb", ttl_seconds: 45 },
  },
  { caption: "Expired", setup: { status: "expired", wallet: "fps", amount: 12_000, currency_code: "hkd" } },
  {
    caption: "WeChat Pay JSAPI, outside WeChat",
    setup: { mode: "jsapi", wallet: "wechat", pay_type: "800207", amount: 26_800, currency_code: "hkd", ttl_seconds: 600, pay_params: STAND_IN_PAY_PARAMS },
  },
];

const qr = (pay_type: string, wallet: string, name: string): StorePayType => ({
  pay_type,
  wallet,
  name,
  mode: "qr",
  pay_mode: "mpm",
  preauth: false,
  fits_device: true,
  devices: ["desktop", "phone", "wechat"],
  refunds: "unstated",
});

/** A drop-in (cart-id) with Hong Kong's QR wallets. */
const DEMO_CART = {
  caption: "Drop-in: the cart's wallets",
  payTypes: [qr("800201", "wechat", "WeChat Pay"), qr("805801", "payme", "PayMe"), qr("802001", "fps", "FPS"), qr("803701", "octopus", "Octopus")],
};

/** Starts the stand-in status server with a few sessions and tells the page where they are. */
function standInSessions(): Plugin {
  const server = new StatusServer();
  let config: unknown;
  return {
    name: "qfpay-demo-stand-in",
    async configureServer(vite) {
      const url = await server.start();
      const sessions = [];
      for (const [index, demo] of DEMO_SESSIONS.entries()) {
        const id = `payses_demo_${index}`;
        await fetch(`${url}/__control/sessions/${id}`, { method: "POST", body: JSON.stringify(demo.setup) });
        sessions.push({ id, caption: demo.caption, locale: demo.locale, allowedOrigins: demo.allowedOrigins });
      }
      await fetch(`${url}/__control/carts/cart_demo`, { method: "POST", body: JSON.stringify({ pay_types: DEMO_CART.payTypes }) });
      sessions.push({ cartId: "cart_demo", caption: DEMO_CART.caption });
      config = { backendUrl: url, publishableKey: STAND_IN_PUBLISHABLE_KEY, sessions };
      vite.middlewares.use("/demo-sessions.json", (_req, res) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(config));
      });
      vite.httpServer?.once("close", () => void server.stop());
    },
  };
}

export default defineConfig({
  // The package root, so the page can load /src (sources) or /dist (production build).
  root: fileURLToPath(new URL("..", import.meta.url)),
  plugins: [standInSessions()],
  server: { host: "127.0.0.1" },
});
