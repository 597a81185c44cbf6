import type { CacheLike } from "./checkout-status/observed-state-store";

/**
 * Process memory in the shape of Medusa's cache module, for a Medusa that runs without one. One instance only:
 * with several instances, configure Medusa's cache module (Redis).
 */
export class MemoryCache implements CacheLike {
  readonly #entries = new Map<string, { data: unknown; expiresAt: number }>();

  async get<T>(key: string): Promise<T | null> {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.data as T;
  }

  async set(key: string, data: unknown, ttl = 30): Promise<void> {
    this.#entries.set(key, { data, expiresAt: Date.now() + ttl * 1000 });
  }

  async invalidate(key: string): Promise<void> {
    this.#entries.delete(key);
  }
}
