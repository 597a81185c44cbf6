import type { ReactiveControllerHost } from "lit";

/** A part of the element in its own chunk, loaded the first time it is asked for; the host updates when it arrives. */
export class OnDemand<T> {
  #value: T | undefined;
  #loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The part if it has arrived, without asking for it. */
  get loaded(): T | undefined {
    return this.#value;
  }

  /** The part, or undefined while it is on its way (the first call sends for it). */
  get(): T | undefined {
    this.#loading ??= this.load().then((value) => {
      this.#value = value;
      this.host.requestUpdate();
    });
    return this.#value;
  }
}
