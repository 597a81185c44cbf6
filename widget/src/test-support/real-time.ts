/**
 * Waiting in real time, also while a test fakes the timers. (vi.waitFor advances fake timers on
 * every check, which would shift the very delays the polling tests measure.)
 * The real setTimeout is captured when this module loads, before any test installs fake timers.
 */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

export function realPause(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/** Retries `check` (which throws or rejects until satisfied) every 15 ms, for up to `timeout` ms of real time. */
export async function eventually<T>(check: () => T | Promise<T>, timeout = 4000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await realPause(15);
    }
  }
}
