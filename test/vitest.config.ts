import { defineConfig } from "vitest/config";

/**
 * One Postgres, one Medusa, one sandbox and one storefront for the whole run (support/global-setup.ts);
 * files run one after another in a single forked worker, as they share that stack.
 */
export default defineConfig({
  test: {
    include: ["integration/**/*.test.ts", "e2e/**/*.test.ts"],
    globalSetup: ["./support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
