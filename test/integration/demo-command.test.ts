import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "@qfpay-medusa/demo/launcher";

const DEMO_DIR = fileURLToPath(new URL("../../demo", import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), "qfpay-demo-command-"));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

type Ports = Record<"MEDUSA_PORT" | "STOREFRONT_PORT" | "SANDBOX_PORT" | "POSTGRES_PORT", string>;

/** Runs the demo's start command in its own process group, as a terminal runs a foreground job. */
function startDemo(ports: Ports): { child: ChildProcess; output: () => string; running: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "launcher/main.ts"], {
    cwd: DEMO_DIR,
    env: { ...process.env, ...ports, DEMO_STATE_DIR: stateDir },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const running = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("Ctrl-C stops everything") && resolve(output));
    child.once("exit", (code) => reject(new Error(`the demo exited (${code}) before it ran:\n${output}`)));
  });
  return { child, output: () => output, running };
}

function listening(port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: Number(port) });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Processes whose command line names the demo's state folder (the embedded Postgres). */
function processesUsing(folder: string): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
        return cmdline.includes(folder) ? [`${pid} ${cmdline}`] : [];
      } catch {
        return [];
      }
    });
}

async function stopWithCtrlC(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  process.kill(-child.pid!, "SIGINT");
  return exited;
}

describe("the demo command", () => {
  it("prints every URL, the admin login and the key; Ctrl-C leaves nothing running; a second start reuses the data", async () => {
    const ports = {
      MEDUSA_PORT: String(await findFreePort()),
      STOREFRONT_PORT: String(await findFreePort()),
      SANDBOX_PORT: String(await findFreePort()),
      POSTGRES_PORT: String(await findFreePort()),
    };
    const firstStarted = Date.now();
    const first = startDemo(ports);
    const printed = await first.running;
    const firstSeconds = (Date.now() - firstStarted) / 1000;
    expect(printed).toContain("Medusa migrated and seeded");
    expect(printed).toContain(`Storefront       http://127.0.0.1:${ports.STOREFRONT_PORT}`);
    expect(printed).toContain(`Medusa           http://127.0.0.1:${ports.MEDUSA_PORT}`);
    expect(printed).toContain(`Admin dashboard  http://127.0.0.1:${ports.MEDUSA_PORT}/app`);
    expect(printed).toMatch(/email {8}\S+@\S+/);
    expect(printed).toMatch(/password {5}\S+/);
    expect(printed).toMatch(/Publishable key {2}pk_[0-9a-f]+/);
    expect(printed).toContain(`QFPay sandbox    http://127.0.0.1:${ports.SANDBOX_PORT}`);
    expect((await fetch(`http://127.0.0.1:${ports.MEDUSA_PORT}/health`)).ok).toBe(true);
    expect((await fetch(`http://127.0.0.1:${ports.STOREFRONT_PORT}/`)).ok).toBe(true);

    expect(await stopWithCtrlC(first.child)).toBe(0);
    for (const port of Object.values(ports)) expect(await listening(port)).toBe(false);
    expect(processesUsing(stateDir)).toEqual([]);

    const secondStarted = Date.now();
    const second = startDemo(ports);
    const again = await second.running;
    const secondSeconds = (Date.now() - secondStarted) / 1000;
    console.log(`demo command: first start ${firstSeconds.toFixed(1)} s, second start ${secondSeconds.toFixed(1)} s`);
    expect(again).toContain("Medusa data from an earlier start reused");
    expect(again.match(/Publishable key {2}(pk_[0-9a-f]+)/)?.[1]).toBe(printed.match(/Publishable key {2}(pk_[0-9a-f]+)/)?.[1]);
    expect(await stopWithCtrlC(second.child)).toBe(0);
    expect(processesUsing(stateDir)).toEqual([]);
  }, 600_000);

  it("says which variable to change when a port is taken", async () => {
    const port = String(await findFreePort());
    const blocker = (await import("node:net")).createServer().listen(Number(port), "127.0.0.1");
    try {
      const others = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
      const demo = startDemo({
        MEDUSA_PORT: port,
        STOREFRONT_PORT: String(others[0]),
        SANDBOX_PORT: String(others[1]),
        POSTGRES_PORT: String(others[2]),
      });
      await expect(demo.running).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use, so Medusa cannot start there. Stop what uses it, or set MEDUSA_PORT to another port.`,
      );
    } finally {
      blocker.close();
    }
  });
});
