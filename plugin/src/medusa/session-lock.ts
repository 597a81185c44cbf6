import type { ILockingModule } from "@medusajs/framework/types";
import type { SessionLock } from "../core/session-lock";

function sessionLockKey(sessionId: string): string {
  return `qfpay:session:${sessionId}`;
}

/** The session lock over Medusa's locking module: waits up to 30 s for the lock; a holder that died releases it after 60 s. */
export function lockingSessionLock(locking: Pick<ILockingModule, "execute">): SessionLock {
  return {
    run: (sessionId, job) => locking.execute(sessionLockKey(sessionId), job, { timeout: 30, expire: 60 }),
  };
}
