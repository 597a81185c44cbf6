import { defineConfig } from "vitest/config";

/**
 * Scale tests: each file starts a stack of its own (Postgres, Redis, two Medusa instances, the QFPay sandbox;
 * support/scale-stack.ts), so there is no global set-up. One file at a time: the machine runs one stack.
 */
export default defineConfig({
  test: {
    include: ["scale/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
  },
});
