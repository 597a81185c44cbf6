import { html, type ReactiveControllerHost, type TemplateResult } from "lit";

/**
 * The element's polite live region: what changed, said once (a new status, the time left at its moments, an
 * error, a copied code). Assistive technology reads the region's new text; nothing else is announced.
 * It needs none of the host's lifecycle, only its updates.
 */
export class Announcer {
  #text = "";
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  announce(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#text}</div>`;
  }
}
