import { defineConfig } from "vitest/config";

/**
 * The random-fault run: its file starts a stack of its own (so it can kill Medusa), one file, one worker.
 * FAULT_RUNS sets the number of checkouts (CI: 40; the full run: 300).
 */
export default defineConfig({
  test: {
    include: ["fault/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
  },
});
