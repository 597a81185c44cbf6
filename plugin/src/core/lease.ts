/**
 * One beat of a merchant-wide loop at a time, across every instance: whichever instance's scheduler fires runs
 * the beat, unless another one is running or one ran less than `spacingSeconds` ago. So the loop runs once, not
 * once per instance, and goes on when an instance dies.
 */
export interface Lease {
  /** Runs `job` as this beat of the loop `key`, or skips it (undefined). */
  beat<T>(key: string, spacingSeconds: number, job: () => Promise<T>): Promise<T | undefined>;
}
