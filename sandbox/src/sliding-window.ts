/**
 * The instants of events within the last `windowMs`, oldest first: an event at `t` is inside at `now` while
 * `t > now - windowMs`. Kept as an array with a moving head, so adding and counting are O(1) amortised.
 */
export class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  constructor(readonly windowMs: number) {}

  /** How many events are inside the window ending at `nowMs`; forgets the older ones. */
  countAt(nowMs: number): number {
    const oldestKept = nowMs - this.windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= oldestKept) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(atMs: number): void {
    this.times.push(atMs);
  }

  /** The instant of the `index`-th oldest event still inside (0 = oldest); call `countAt` first. */
  at(index: number): number | undefined {
    return this.times[this.head + index];
  }
}
