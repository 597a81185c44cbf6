import { fileURLToPath } from "node:url";
import { build, preview } from "vite";
import { HOST } from "./ports.js";

export const STOREFRONT_DIR = fileURLToPath(new URL("../storefront", import.meta.url));

/** What the storefront page is built with (values reach the browser: nothing secret here). */
export type StorefrontConfig = {
  medusaUrl: string;
  publishableKey: string;
  /** http origins the widget may redirect to (the sandbox's wallet pages). */
  redirectOrigins: string[];
};

export type RunningStorefront = { url: string; stop(): Promise<void> };

export function storefrontDefines(config: StorefrontConfig): Record<string, string> {
  return {
    __MEDUSA_URL__: JSON.stringify(config.medusaUrl),
    __PUBLISHABLE_KEY__: JSON.stringify(config.publishableKey),
    __REDIRECT_ORIGINS__: JSON.stringify(config.redirectOrigins),
  };
}

/**
 * Builds the storefront page with these values (a few seconds) and serves the build on 127.0.0.1.
 * A build, not the dev server: the dev server optimises dependencies on the first visit and then
 * reloads the page, which can drop a shopper's checkout.
 */
export async function startStorefront(port: number, config: StorefrontConfig, outDir: string): Promise<RunningStorefront> {
  await build({
    root: STOREFRONT_DIR,
    configFile: false,
    logLevel: "warn",
    define: storefrontDefines(config),
    build: { outDir, emptyOutDir: true },
  });
  const server = await preview({
    root: STOREFRONT_DIR,
    configFile: false,
    logLevel: "warn",
    build: { outDir },
    preview: { host: HOST, port, strictPort: true },
  });
  return {
    url: `http://${HOST}:${port}`,
    stop: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
