import type { ILockingModule } from "@medusajs/framework/types";
import { describe, expect, it } from "vitest";
import { TestClock } from "../test-support/test-clock";
import { lockingLease } from "./lease";

/** Medusa's locking semantics, on a clock the test moves: acquire throws while another owner holds an unexpired key. */
function fakeLocking(now: () => number): Pick<ILockingModule, "acquire" | "release"> {
  const held = new Map<string, { owner: string | null | undefined; until: number }>();
  return {
    async acquire(keys, args) {
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        const lock = held.get(key);
        if (lock && lock.until > now() && lock.owner !== args?.ownerId) throw new Error(`Failed to acquire lock for key "${key}"`);
        held.set(key, { owner: args?.ownerId, until: now() + (args?.expire ?? 60) * 1000 });
      }
    },
    async release(keys, args) {
      for (const key of Array.isArray(keys) ? keys : [keys]) if (held.get(key)?.owner === args?.ownerId) held.delete(key);
      return true;
    },
  };
}

describe("lockingLease", () => {
  it("runs one beat at a time across instances, at most one per spacing, and goes on when the runner is gone", async () => {
    const clock = TestClock.at(0);
    const locking = fakeLocking(() => clock.now().getTime());
    const [a, b] = [lockingLease(locking), lockingLease(locking)];
    let release!: () => void;
    const slow = a.beat("sync", 1, () => new Promise<string>((resolve) => (release = () => resolve("a"))));
    await Promise.resolve();
    expect(await b.beat("sync", 1, async () => "b")).toBeUndefined();
    release();
    expect(await slow).toBe("a");
    // Finished, but within the spacing: skipped on either instance.
    expect(await b.beat("sync", 1, async () => "b")).toBeUndefined();
    clock.advance(1000);
    expect(await b.beat("sync", 1, async () => "b")).toBe("b");
    clock.advance(1000);
    expect(await a.beat("sync", 1, async () => "a again")).toBe("a again");
  });

  it("keeps separate loops apart", async () => {
    const lease = lockingLease(fakeLocking(() => 0));
    expect(await lease.beat("sync:APP1", 1, async () => 1)).toBe(1);
    expect(await lease.beat("sync:APP2", 1, async () => 2)).toBe(2);
  });
});
