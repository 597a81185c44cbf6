/**
 * A clock a test moves forward by hand, for the classes that take a `now`. `TestClock.at` stands still between
 * moves; `TestClock.running` goes on with real time too, for code that also waits on timers (the request budget,
 * the sandbox), so a test can skip ahead without sleeping.
 */
export class TestClock {
  private offsetMs = 0;

  private constructor(private readonly base: () => number) {}

  static at(ms: number): TestClock {
    return new TestClock(() => ms);
  }

  static running(): TestClock {
    return new TestClock(() => Date.now());
  }

  readonly now = (): Date => new Date(this.base() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
