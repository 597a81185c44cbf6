import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort } from "./ports.js";
import { redisAnswersPing, startRedis } from "./redis.js";

const stateDir = mkdtempSync(join(tmpdir(), "redis-launcher-"));

describe("the launcher's Redis", () => {
  it("answers PING at the URL it returns, on the port asked for, and is gone after stop()", async () => {
    const port = await findFreePort();
    const redis = await startRedis({ port, dir: join(stateDir, "redis") });
    expect(redis.url).toBe(`redis://127.0.0.1:${port}`);
    expect(await redisAnswersPing(port)).toBe(true);
    await redis.stop();
    expect(await redisAnswersPing(port)).toBe(false);
  });

  it("picks a free port when given 0", async () => {
    const redis = await startRedis({ port: 0, dir: join(stateDir, "redis-any-port") });
    try {
      expect(await redisAnswersPing(Number(new URL(redis.url).port))).toBe(true);
    } finally {
      await redis.stop();
    }
  });
});
