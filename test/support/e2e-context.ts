import type { Browser } from "playwright-core"
import { afterAll, beforeAll } from "vitest"
import { AdminApi } from "./admin-api.js"
import { launchBrowser } from "./browser.js"
import { SandboxClient } from "./sandbox-client.js"
import { stackInfo } from "./stack-info.js"

/**
 * What every end-to-end file uses: the running stack, the sandbox's control API, a Chromium and a logged-in
 * admin. The browser and the admin exist inside the file's tests (started before them, closed after).
 */
export function useE2eContext() {
  const info = stackInfo()
  const sandbox = new SandboxClient(info.sandboxUrl)
  let browser: Browser | undefined
  let admin: AdminApi | undefined

  beforeAll(async () => {
    browser = await launchBrowser()
    admin = await AdminApi.login(info.medusaUrl, info.admin.email, info.admin.password)
  })
  afterAll(async () => {
    await browser?.close()
  })

  return {
    info,
    sandbox,
    get browser(): Browser {
      if (!browser) throw new Error("The browser is started before the tests of a file; use it inside them")
      return browser
    },
    get admin(): AdminApi {
      if (!admin) throw new Error("The admin logs in before the tests of a file; use it inside them")
      return admin
    },
  }
}
