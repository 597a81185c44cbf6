#!/usr/bin/env node
// Serves the gallery (vite + stand-in status server) and saves light, dark and phone screenshots to widget/artifacts/.
// --dist: shoot the production build (dist/define.js) instead of the sources.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { createServer } from "vite";

const out = fileURLToPath(new URL("../artifacts/", import.meta.url));
mkdirSync(out, { recursive: true });
const vite = await createServer({ configFile: fileURLToPath(new URL("./vite.config.ts", import.meta.url)), server: { port: 0 }, logLevel: "error" });
await vite.listen();
const base = `${vite.resolvedUrls.local[0]}demo/`;
const dist = process.argv.includes("--dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const [name, viewport, query, scheme] of [
    ["gallery-light", { width: 1200, height: 1500 }, "", "light"],
    ["gallery-dark", { width: 1200, height: 1500 }, "?theme=dark", "dark"],
    ["phone-light", { width: 390, height: 844 }, "?only=0", "light"],
  ]) {
    const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(base + query + (dist ? `${query ? "&" : "?"}dist` : ""));
    await page.waitForFunction(() => {
      const els = [...document.querySelectorAll("qfpay-checkout")];
      return els.length > 0 && els.every((el) => el.shadowRoot?.querySelector(".header, [part=result], [part=picker]"));
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}${name}.png`, fullPage: !query.includes("only") });
    console.log(`${out}${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await vite.close();
}
