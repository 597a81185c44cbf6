import { randomUUID } from "node:crypto";
import type { LockingLike } from "./session-lock";

/**
 * One beat of a merchant-wide loop at a time, across every instance: whichever instance's scheduler fires runs
 * the beat, unless another one is running or one ran less than `spacingSeconds` ago. So the loop runs once, not
 * once per instance, and goes on when an instance dies.
 */
export interface Lease {
  /** Runs `job` as this beat of the loop `key`, or skips it (undefined). */
  beat<T>(key: string, spacingSeconds: number, job: () => Promise<T>): Promise<T | undefined>;
}

export interface AcquiringLocking extends LockingLike {
  acquire(keys: string | string[], args?: { ownerId?: string | null; expire?: number }): Promise<void>;
  release(keys: string | string[], args?: { ownerId?: string | null }): Promise<boolean | void>;
}

/** A beat still running after this long has died with its instance: another may take over. */
const RUNNING_EXPIRE_SECONDS = 60;

export function lockingLease(locking: AcquiringLocking): Lease {
  const tryAcquire = async (key: string, ownerId: string, expire: number) => {
    try {
      await locking.acquire(key, { ownerId, expire });
      return true;
    } catch {
      return false;
    }
  };
  return {
    async beat(key, spacingSeconds, job) {
      const ownerId = randomUUID();
      if (!(await tryAcquire(`${key}:running`, ownerId, RUNNING_EXPIRE_SECONDS))) return undefined;
      try {
        // Not released: it lapses after the spacing, which is what keeps beats apart.
        if (!(await tryAcquire(`${key}:beat`, ownerId, spacingSeconds))) return undefined;
        return await job();
      } finally {
        await locking.release(`${key}:running`, { ownerId }).catch(() => undefined);
      }
    },
  };
}

/** One process: every beat runs. */
export const SOLE_INSTANCE_LEASE: Lease = { beat: (_key, _spacing, job) => job() };
