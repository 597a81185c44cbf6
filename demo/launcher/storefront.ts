import { fileURLToPath } from "node:url"
import { createServer, type ViteDevServer } from "vite"
import { HOST } from "./ports.js"

export const STOREFRONT_DIR = fileURLToPath(new URL("../storefront", import.meta.url))

/** What the storefront page is built with (values reach the browser: nothing secret here). */
export type StorefrontConfig = {
  medusaUrl: string
  publishableKey: string
  /** http origins the widget may redirect to (the sandbox's wallet pages). */
  redirectOrigins: string[]
}

export type RunningStorefront = { url: string; stop(): Promise<void> }

export function storefrontDefines(config: StorefrontConfig): Record<string, string> {
  return {
    __MEDUSA_URL__: JSON.stringify(config.medusaUrl),
    __PUBLISHABLE_KEY__: JSON.stringify(config.publishableKey),
    __REDIRECT_ORIGINS__: JSON.stringify(config.redirectOrigins),
  }
}

/** Serves the storefront page with Vite's dev server (in this process) on 127.0.0.1. */
export async function startStorefront(port: number, config: StorefrontConfig, cacheDir: string): Promise<RunningStorefront> {
  const server: ViteDevServer = await createServer({
    root: STOREFRONT_DIR,
    configFile: false,
    cacheDir,
    logLevel: "warn",
    clearScreen: false,
    define: storefrontDefines(config),
    server: { host: HOST, port, strictPort: true, hmr: false },
  })
  await server.listen()
  return { url: `http://${HOST}:${port}`, stop: () => server.close() }
}
