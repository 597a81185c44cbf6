/**
 * The React typings as a storefront gets them: the package is packed (`pnpm pack`, after `pnpm build`), unpacked into
 * a scratch app beside React 19's types, and fixtures/react/*.tsx are compiled with tsc under node10 (Next.js
 * starters' `moduleResolution: "node"`), node16 and bundler. The fixture's `@ts-expect-error` lines fail the compile
 * if the typings ever loosen to `any`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const widgetRoot = fileURLToPath(new URL("..", import.meta.url));
const fixtures = path.join(widgetRoot, "fixtures/react");
const built = existsSync(path.join(widgetRoot, "dist/types/react.d.ts"));
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");

interface Consumer {
  resolution: string;
  /** Sub-folder of the scratch app, with its own package.json type. */
  folder: string;
  type: "commonjs" | "module";
  compilerOptions: Record<string, unknown>;
}

const consumers: Consumer[] = [
  { resolution: "node10", folder: "cjs", type: "commonjs", compilerOptions: { module: "commonjs", moduleResolution: "node10", jsx: "preserve" } },
  { resolution: "node16", folder: "esm", type: "module", compilerOptions: { module: "node16", moduleResolution: "node16", jsx: "react-jsx" } },
  // Without skipLibCheck, so the package's own declarations are checked too.
  {
    resolution: "bundler",
    folder: "bundler",
    type: "module",
    compilerOptions: { module: "esnext", moduleResolution: "bundler", jsx: "preserve", skipLibCheck: false },
  },
];

let app = "";

function linkDependency(name: string): void {
  const target = path.join(app, "node_modules", name);
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(realpathSync(path.join(widgetRoot, "node_modules", name)), target, "dir");
}

function installPackedWidget(): void {
  const output = execFileSync("pnpm", ["pack", "--pack-destination", app], { cwd: widgetRoot, encoding: "utf8" });
  const tarball = output
    .trim()
    .split("\n")
    .filter((line) => line.endsWith(".tgz"))
    .pop();
  if (tarball === undefined) throw new Error(`pnpm pack printed no tarball:\n${output}`);
  const scope = path.join(app, "node_modules/@qfpay-medusa");
  mkdirSync(scope, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", scope]);
  renameSync(path.join(scope, "package"), path.join(scope, "widget"));
}

function compile(consumer: Consumer, files: string[]): { status: number | null; output: string } {
  const folder = path.join(app, consumer.folder);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: `consumer-${consumer.folder}`, private: true, type: consumer.type }));
  for (const file of readdirSync(fixtures)) cpSync(path.join(fixtures, file), path.join(folder, file));
  const config = path.join(folder, `tsconfig.${files.join("-")}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: { target: "es2022", lib: ["es2022", "dom"], strict: true, noEmit: true, skipLibCheck: true, types: [], ...consumer.compilerOptions },
      files,
    }),
  );
  const run = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!built)("React JSX typings from the packed package", { timeout: 180_000 }, () => {
  beforeAll(() => {
    app = mkdtempSync(path.join(tmpdir(), "qfpay-widget-react-"));
    installPackedWidget();
    linkDependency("lit");
    linkDependency("@types/react");
  }, 120_000);
  afterAll(() => {
    if (app !== "") rmSync(app, { recursive: true, force: true });
  });

  it.each(consumers)("compiles the checkout component under moduleResolution $resolution", (consumer) => {
    const result = compile(consumer, ["checkout.tsx"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it.each(consumers)("rejects the tag without the typings under $resolution", (consumer) => {
    const result = compile(consumer, ["without-typings.tsx"]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/qfpay-checkout/);
  });

  it("types every attribute the element declares", () => {
    const manifest = JSON.parse(readFileSync(path.join(app, "node_modules/@qfpay-medusa/widget/dist/custom-elements.json"), "utf8")) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === "qfpay-checkout");
    const declared = (element?.attributes ?? []).map((attribute) => attribute.name).sort();
    const typings = readFileSync(path.join(app, "node_modules/@qfpay-medusa/widget/dist/types/react.d.ts"), "utf8");
    const attributesBlock = /interface QfpayCheckoutAttributes \{([^}]*)\}/.exec(typings)?.[1] ?? "";
    const typed = [...attributesBlock.matchAll(/^\s*"?([a-z-]+)"?\??:/gm)].map((match) => match[1]).sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(typed).toEqual(declared);
  });
});
