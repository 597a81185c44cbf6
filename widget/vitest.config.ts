import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type Plugin, type TestProjectInlineConfiguration } from "vitest/config";
import { qrcodeLean } from "./build/qrcode-lean.js";

/**
 * @open-wc/testing pulls in @web/test-runner-commands, which imports the Web Test Runner's socket
 * module by absolute URL. Under vitest there is no such server: resolve it to an empty stub.
 */
function webTestRunnerSocketStub(): Plugin {
  const id = "\0wtr-socket-stub";
  return {
    name: "wtr-socket-stub",
    enforce: "pre",
    resolveId: (source) => (source.endsWith("__web-dev-server__web-socket.js") ? id : null),
    load: (source) => (source === id ? "export const sendMessage = () => {}; export const sendMessageWaitForResponse = async () => ({});" : null),
  };
}

/**
 * The component tests in Debian's Chromium, once against Lit's development build (what vite picks for tests: the
 * "development" export condition) and once against its production build, the one storefronts ship. Both fail a
 * test in which Lit warns (only the development build does).
 */
function chromium(name: string, lit: "development" | "production", conditions?: string[]): TestProjectInlineConfiguration {
  return {
    extends: true,
    ...(conditions ? { resolve: { conditions } } : {}),
    test: {
      name,
      provide: { litBuild: lit },
      include: ["src/**/*.test.ts"],
      exclude: ["src/**/*.node.test.ts"],
      globalSetup: ["./src/test-support/global-setup.ts"],
      setupFiles: ["./src/test-support/fail-on-lit-warnings.ts"],
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        provider: playwright({
          launchOptions: {
            executablePath: "/usr/bin/chromium",
            args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
          },
          contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
        }),
        instances: [{ browser: "chromium" }],
      },
    },
  };
}

export default defineConfig({
  // The same lean QR encoder as the production build, so the decode tests check what ships.
  plugins: [webTestRunnerSocketStub(), qrcodeLean()],
  // One Lit for the element and @open-wc/testing's fixtures.
  resolve: { dedupe: ["lit", "lit-html", "lit-element", "@lit/reactive-element"] },
  optimizeDeps: {
    include: ["@open-wc/testing", "lit", "jsqr", "axe-core", "qrcode/lib/core/qrcode.js"],
    rolldownOptions: { plugins: [qrcodeLean()] },
    // The pre-bundle cache does not notice edits to the lean encoder's files: rebuild it each run.
    force: true,
  },
  test: {
    projects: [
      chromium("chromium", "development"),
      // Vite's browser conditions without "development": Lit resolves to its production build.
      chromium("chromium (Lit production)", "production", ["module", "browser", "production"]),
      {
        extends: true,
        test: { name: "node", include: ["src/**/*.node.test.ts", "build/**/*.node.test.ts"], environment: "node" },
      },
    ],
  },
});
