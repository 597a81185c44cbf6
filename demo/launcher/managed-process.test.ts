import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logTail, runToCompletion, spawnManaged } from "./managed-process.js";

const logDir = mkdtempSync(join(tmpdir(), "managed-process-"));

/** Running, i.e. present and not a zombie waiting for a reaper. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("managed processes", () => {
  it("stop() ends the child and what it forked (its whole process group)", async () => {
    const logFile = join(logDir, "group.log");
    const proc = spawnManaged({
      command: "sh",
      args: ["-c", "sleep 300 & echo grandchild $!; wait"],
      cwd: logDir,
      env: process.env,
      logFile,
    });
    let grandchild = 0;
    for (let i = 0; i < 50 && !grandchild; i++) {
      await new Promise((r) => setTimeout(r, 50));
      grandchild = Number(/grandchild (\d+)/.exec(logTail(logFile))?.[1] ?? 0);
    }
    expect(alive(grandchild)).toBe(true);
    await proc.stop(2_000);
    expect(proc.hasExited()).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it("runToCompletion throws with the command's last lines on failure", async () => {
    const logFile = join(logDir, "fail.log");
    await expect(
      runToCompletion({ what: "The step", command: "sh", args: ["-c", "echo went wrong; exit 3"], cwd: logDir, env: process.env, logFile }),
    ).rejects.toThrow(/The step failed \(exit 3\)[\s\S]*went wrong/);
  });
});
