import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageConfig from "../tsup.config.js";

const PACKAGE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const FORBIDDEN_WORDS = ["node:crypto", "createHash", "timingSafeEqual", "createHmac", "clientKey"];
/** Imports of Node built-ins; esbuild writes "node:crypto" as "crypto". */
const BUILTIN_IMPORT = new RegExp(`(?:from\\s*|import\\s*\\(?\\s*|require\\(\\s*)["'](?:node:)?(${builtinModules.join("|")})["']`, "g");

/** An import of a package (anything but a relative path), in ESM or CJS. */
const BARE_IMPORT = /(?:from\s*|import\s*\(?\s*|require\(\s*)["'][^."'][^"']*["']/;

/** The entry file and every chunk it imports, transitively (relative imports only, as tsup writes them). */
function bundleFiles(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    const code = readFileSync(file, "utf8");
    files.set(file, code);
    for (const match of code.matchAll(/(?:from\s*|import\s*\(?\s*|require\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      pending.push(join(dirname(file), match[1] as string));
    }
  }
  return files;
}

function offending(files: Map<string, string>): string[] {
  return [...files].flatMap(([file, code]) => [
    ...FORBIDDEN_WORDS.filter((word) => code.includes(word)).map((word) => `${file}: ${word}`),
    ...[...code.matchAll(BUILTIN_IMPORT)].map((match) => `${file}: import of ${match[1]}`),
  ]);
}

describe("browser entry bundle", () => {
  let outDir: string;

  beforeAll(async () => {
    // The package's own tsup configuration, JavaScript only, written to a scratch directory.
    outDir = mkdtempSync(join(tmpdir(), "qfpay-shared-bundle-"));
    if (typeof packageConfig === "function" || Array.isArray(packageConfig)) throw new Error("expected one tsup options object");
    await build({ ...packageConfig, outDir, dts: false, sourcemap: false, silent: true, config: false, clean: false });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("index.js and its chunks carry no node:crypto, hashing or key handling (ESM and CJS)", () => {
    for (const entry of ["index.js", "index.cjs"]) {
      const files = bundleFiles(join(outDir, entry));
      expect(files.size).toBeGreaterThan(0);
      expect(offending(files)).toEqual([]);
    }
  });

  it("checkout.js, the element's and the admin's entry, and its chunks import nothing: no zod, no Node (ESM and CJS)", () => {
    for (const entry of ["checkout.js", "checkout.cjs"]) {
      const files = bundleFiles(join(outDir, entry));
      expect(offending(files)).toEqual([]);
      expect([...files].filter(([, code]) => BARE_IMPORT.test(code)).map(([file]) => file)).toEqual([]);
    }
  });

  it("the check can see node:crypto where it is: the server entry", () => {
    const files = bundleFiles(join(outDir, "server.js"));
    expect(offending(files).some((hit) => hit.endsWith("import of crypto"))).toBe(true);
  });

  it.runIf(existsSync(join(PACKAGE_DIR, "dist", "index.js")))("the built dist/index.js is clean too", () => {
    expect(offending(bundleFiles(join(PACKAGE_DIR, "dist", "index.js")))).toEqual([]);
  });
});
