import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { AdminApi } from "./admin-api.js";
import { launchBrowser } from "./browser.js";
import { SandboxClient } from "./sandbox-client.js";
import { stackInfo } from "./stack-info.js";

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is set up before the tests of a file; use it inside them`);
  return value;
}

/**
 * What every cross-package test file uses: the running stack, the sandbox's control API and a logged-in admin
 * (logged in before the file's tests).
 */
export function useStackContext() {
  const info = stackInfo();
  const sandbox = new SandboxClient(info.sandboxUrl);
  let admin: AdminApi | undefined;
  beforeAll(async () => {
    admin = await AdminApi.login(info.medusaUrl, info.admin.email, info.admin.password);
  });
  return {
    info,
    sandbox,
    get admin(): AdminApi {
      return started(admin, "The admin login");
    },
  };
}

/** The stack context plus a Chromium, started before the file's tests and closed after. */
export function useE2eContext() {
  const stack = useStackContext();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    info: stack.info,
    sandbox: stack.sandbox,
    get admin(): AdminApi {
      return stack.admin;
    },
    get browser(): Browser {
      return started(browser, "The browser");
    },
  };
}
