import { randomUUID } from "node:crypto";
import type { ILockingModule } from "@medusajs/framework/types";
import type { Lease } from "../core/lease";

/** A beat still running after this long has died with its instance: another may take over. */
const RUNNING_EXPIRE_SECONDS = 60;

/** The merchant-wide loops' lease over Medusa's locking module (in memory for one instance, Redis for several). */
export function lockingLease(locking: Pick<ILockingModule, "acquire" | "release">): Lease {
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
