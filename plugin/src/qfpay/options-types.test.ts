/**
 * The exported option types: fixtures/provider-options.ts is compiled with the plugin's compiler settings, its
 * `@ts-expect-error` lines (a misspelt environment, an unknown pay type, environment with baseUrl, ...) must each be
 * an error, and the literal lists behind the types must match the shared catalogs the runtime checks use.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { ENVIRONMENTS } from "@qfpay-medusa/shared";
import { describe, expect, it } from "vitest";
import { CHECKOUT_PAY_TYPE_CODE_LIST, CHECKOUT_PAY_TYPE_CODES, ENVIRONMENT_ID_LIST } from "./options";

const pluginRoot = path.resolve(__dirname, "../..");
const tsc = createRequire(__filename).resolve("typescript/bin/tsc");

describe("provider option types", () => {
  it("list the pay types and environments the shared catalogs have", () => {
    expect([...CHECKOUT_PAY_TYPE_CODE_LIST].sort()).toEqual([...CHECKOUT_PAY_TYPE_CODES].sort());
    expect([...ENVIRONMENT_ID_LIST].sort()).toEqual(ENVIRONMENTS.map((environment) => environment.id).sort());
  });

  it("reject what Medusa's start would reject, at compile time", { timeout: 120_000 }, () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "qfpay-options-types-"));
    try {
      const config = path.join(scratch, "tsconfig.json");
      writeFileSync(
        config,
        JSON.stringify({
          extends: path.join(pluginRoot, "tsconfig.json"),
          compilerOptions: { noEmit: true, rootDir: pluginRoot, typeRoots: [path.join(pluginRoot, "node_modules/@types")] },
          include: [],
          files: [path.join(pluginRoot, "fixtures/provider-options.ts")],
        }),
      );
      const run = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
      expect(`${run.stdout}${run.stderr}`).toBe("");
      expect(run.status).toBe(0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
