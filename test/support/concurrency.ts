/** Runs `task` over `items` with at most `limit` in flight; results in the items' order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A gate that lets callers through at most `perSecond` times a second, evenly spaced. */
export function pacer(perSecond: number): () => Promise<void> {
  const gapMs = 1000 / perSecond;
  let nextAt = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + gapMs;
    if (at > now) await sleep(at - now);
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The `q` quantile (0..1) of `values` (nearest rank); NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Holds `count` tasks at a line until `release()`: `allArrived` resolves once every one waits there, so the
 * preparation (carts) is done before the measured part (sessions) starts at one moment.
 */
export function startingLine(count: number): { arrive(): Promise<void>; allArrived: Promise<void>; release(): void } {
  let arrived = 0;
  let everyoneHere!: () => void;
  let go!: () => void;
  const allArrived = new Promise<void>((resolve) => (everyoneHere = resolve));
  const released = new Promise<void>((resolve) => (go = resolve));
  return {
    arrive() {
      if (++arrived === count) everyoneHere();
      return released;
    },
    allArrived,
    release: () => go(),
  };
}
