import { describe, expect, it } from "vitest";
import { scaleFromEnv } from "./scale-from-env.js";

describe("the demo's Redis and instances from its environment", () => {
  it("is one instance without Redis by default", () => {
    expect(scaleFromEnv({})).toEqual({});
  });

  it("starts a Redis with DEMO_REDIS=true, uses REDIS_URL when given, and reads MEDUSA_INSTANCES", () => {
    expect(scaleFromEnv({ DEMO_REDIS: "true", MEDUSA_INSTANCES: "2" })).toEqual({ redis: true, medusaInstances: 2 });
    expect(scaleFromEnv({ REDIS_URL: "redis://10.0.0.5:6379", DEMO_REDIS: "true" })).toEqual({ redis: { url: "redis://10.0.0.5:6379" } });
  });

  it("refuses what it cannot use, naming the variable", () => {
    expect(() => scaleFromEnv({ MEDUSA_INSTANCES: "0" })).toThrow(/MEDUSA_INSTANCES must be a whole number from 1, got "0"/);
    expect(() => scaleFromEnv({ MEDUSA_INSTANCES: "two" })).toThrow(/MEDUSA_INSTANCES/);
    expect(() => scaleFromEnv({ DEMO_REDIS: "yes" })).toThrow(/DEMO_REDIS must be true or false/);
    expect(() => scaleFromEnv({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL must start with redis:\/\//);
  });
});
