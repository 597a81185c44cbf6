import type { SessionLock } from "../core/session-lock";

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
