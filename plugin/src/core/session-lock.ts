/** Serializes everything that touches one payment session: refresh, notification, authorize, cancel, sync. */
export interface SessionLock {
  run<T>(sessionId: string, job: () => Promise<T>): Promise<T>;
}

/** Medusa's locking module (`Modules.LOCKING`): in memory for one instance, Redis for several. */
export interface LockingLike {
  execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number; expire?: number }): Promise<T>;
}

export function sessionLockKey(sessionId: string): string {
  return `qfpay:session:${sessionId}`;
}

/** Waits up to 30 s for the lock; a holder that died releases it after 60 s. */
export function lockingSessionLock(locking: LockingLike): SessionLock {
  return {
    run: (sessionId, job) => locking.execute(sessionLockKey(sessionId), job, { timeout: 30, expire: 60 }),
  };
}

/** One process, no locking module: a queue per session. */
export class InProcessSessionLock implements SessionLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(sessionId: string, job: () => Promise<T>): Promise<T> {
    const before = this.tails.get(sessionId) ?? Promise.resolve();
    const result = before.then(job, job);
    const tail = result.catch(() => undefined);
    this.tails.set(sessionId, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(sessionId) === tail) this.tails.delete(sessionId);
    }
  }
}
