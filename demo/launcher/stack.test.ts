import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareMedusa } from "./medusa-data.js";
import type { MedusaSetup } from "./medusa-env.js";
import { findFreePort } from "./ports.js";
import { startEmbeddedPostgres } from "./postgres.js";
import { redisAnswersPing } from "./redis.js";
import { startStack, type Stack } from "./stack.js";

// One stack (one Medusa) for the whole file: migrating and seeding is the slow part.
const stateDir = mkdtempSync(join(tmpdir(), "launcher-stack-"));
let stack: Stack;

async function adminToken(medusaUrl: string, admin: Stack["admin"]): Promise<string> {
  const res = await fetch(`${medusaUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const isUp = (url: string) =>
  fetch(`${url}/health`).then(
    (r) => r.ok,
    () => false,
  );

beforeAll(async () => {
  stack = await startStack({
    stateDir,
    ports: { medusa: 0, sandbox: 0, postgres: 0 },
    storefrontEnabled: false,
    adminEnabled: false,
    redis: true,
  });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe("a stack on Redis", () => {
  it("runs Medusa with the Redis modules and the seeded admin logs in", async () => {
    expect(stack.medusaUrls).toEqual([stack.medusaUrl]);
    expect(await redisAnswersPing(Number(new URL(stack.redisUrl!).port))).toBe(true);
    await adminToken(stack.medusaUrl, stack.admin);
  });

  it("kills an instance hard and restarts it on the same port; its sessions still hold", async () => {
    const token = await adminToken(stack.medusaUrl, stack.admin);
    const [medusa] = stack.medusa;
    await medusa!.kill("SIGKILL");
    expect(medusa!.process.hasExited()).toBe(true);
    expect(await isUp(stack.medusaUrl)).toBe(false);
    await medusa!.restart();
    expect(await isUp(stack.medusaUrl)).toBe(true);
    const me = await fetch(`${stack.medusaUrl}/admin/users/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  }, 200_000);
});

describe("the seed marker", () => {
  it("recognises the same data on another port and under another URL, and keeps the admin password", async () => {
    await stack.stop();
    const port = await findFreePort();
    const postgres = await startEmbeddedPostgres(join(stateDir, "postgres"), port);
    try {
      const setup = (databaseUrl: string): MedusaSetup => ({
        port: 0,
        databaseUrl,
        stateDir,
        storefrontUrl: "",
        adminEnabled: false,
        qfpay: stack.qfpay,
        // As the stack had it: the marker records that these data were migrated with the Redis modules.
        redisUrl: "redis://127.0.0.1:1",
      });
      for (const url of [postgres.url, postgres.url.replace("127.0.0.1", "localhost")]) {
        const { seed, reused } = await prepareMedusa(setup(url));
        expect(reused).toBe(true);
        expect(seed.admin).toEqual(stack.admin);
        expect(seed.publishableKey).toBe(stack.publishableKey);
      }
    } finally {
      await postgres.stop();
    }
  }, 60_000);
});
