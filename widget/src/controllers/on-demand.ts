import type { ReactiveControllerHost } from "lit";

/** A part of the element in its own chunk, loaded the first time it is asked for; the host updates when it arrives. */
export class OnDemand<T> {
  #value: T | undefined;
  #loading: Promise<void> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<T>;

  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#load = load;
  }

  /** The part, or undefined while it is on its way (the first call sends for it). */
  get(): T | undefined {
    if (!this.#loading) {
      this.#loading = this.#load().then((value) => {
        this.#value = value;
        this.#host.requestUpdate();
      });
    }
    return this.#value;
  }
}
