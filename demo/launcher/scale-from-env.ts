import type { StackOptions } from "./stack.js";

/**
 * The demo's Redis and instance count from its environment: REDIS_URL (a Redis to use) or
 * DEMO_REDIS=true (start one), and MEDUSA_INSTANCES (default 1).
 */
export function scaleFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<StackOptions, "redis" | "medusaInstances"> {
  const options: Pick<StackOptions, "redis" | "medusaInstances"> = {};
  if (env.REDIS_URL) {
    if (!/^rediss?:\/\//.test(env.REDIS_URL)) throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${env.REDIS_URL}"`);
    options.redis = { url: env.REDIS_URL };
  } else if (env.DEMO_REDIS === "true") {
    options.redis = true;
  } else if (env.DEMO_REDIS && env.DEMO_REDIS !== "false") {
    throw new Error(`DEMO_REDIS must be true or false, got "${env.DEMO_REDIS}"`);
  }
  const raw = env.MEDUSA_INSTANCES;
  if (raw !== undefined && raw !== "") {
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 1) throw new Error(`MEDUSA_INSTANCES must be a whole number from 1, got "${raw}"`);
    options.medusaInstances = count;
  }
  return options;
}
