import { quantile, sleep } from "../support/concurrency.js";

export type LoadFigures = { requests: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number };

type Request = (client: number) => Promise<Response>;

/**
 * `clients` clients, each sending its next request as soon as the last is answered, for `seconds`: how many
 * requests a second the server answers at most.
 */
export function closedLoop(clients: number, seconds: number, request: Request): Promise<LoadFigures> {
  return measure(clients, seconds, request, async () => undefined);
}

/**
 * `pollers` tabs, each asking, reading the answer, then waiting `intervalMs` before asking again (the widget's
 * poll), started at random moments of the first interval, for `seconds`: how long answers take under that load.
 */
export function steadyPollers(pollers: number, intervalMs: number, seconds: number, request: Request): Promise<LoadFigures> {
  return measure(
    pollers,
    seconds,
    request,
    () => sleep(intervalMs),
    () => sleep(Math.random() * intervalMs),
  );
}

async function measure(
  clients: number,
  seconds: number,
  request: Request,
  between: () => Promise<unknown>,
  first?: () => Promise<unknown>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      await first?.();
      while (performance.now() < until) {
        const sent = performance.now();
        try {
          const response = await request(client);
          await response.arrayBuffer();
          if (response.ok) latencies.push(performance.now() - sent);
          else errors++;
        } catch {
          errors++;
        }
        await between();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), errors };
}
