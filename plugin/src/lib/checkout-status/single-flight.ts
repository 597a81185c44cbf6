/**
 * Runs at most one job per key at a time in this process: callers that arrive while a job runs
 * share its result. (Across processes, a lock of Medusa's locking module does the same.)
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, job: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = job().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }
}
