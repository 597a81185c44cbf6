import type { LockingLike } from "./session-lock";

/** A lease one instance holds while it runs a loop, renewed each beat; another takes over once it lapses. */
export interface Lease {
  /** True when this instance holds (or now took) the lease named `key`. */
  hold(key: string): Promise<boolean>;
}

export interface AcquiringLocking extends LockingLike {
  acquire(keys: string | string[], args?: { ownerId?: string | null; expire?: number }): Promise<void>;
}

export function lockingLease(locking: AcquiringLocking, ownerId: string, expireSeconds = 5): Lease {
  return {
    async hold(key) {
      try {
        await locking.acquire(key, { ownerId, expire: expireSeconds });
        return true;
      } catch {
        // Held by another instance.
        return false;
      }
    },
  };
}

/** One process: always the holder. */
export const SOLE_INSTANCE_LEASE: Lease = { hold: async () => true };
