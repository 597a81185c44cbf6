import { quantile } from "../support/concurrency.js"

export type LoadFigures = { requests: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number }

/**
 * `users` clients, each sending its next request as soon as the last is answered, for `seconds`: how many
 * requests a second the server answers and how long they take.
 */
export async function closedLoop(users: number, seconds: number, request: (user: number) => Promise<Response>): Promise<LoadFigures> {
  const latencies: number[] = []
  let errors = 0
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      while (performance.now() < until) {
        const sent = performance.now()
        try {
          const response = await request(user)
          await response.arrayBuffer()
          if (response.ok) latencies.push(performance.now() - sent)
          else errors++
        } catch {
          errors++
        }
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), errors }
}
