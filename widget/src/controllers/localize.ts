import type { ReactiveController, ReactiveControllerHost } from "lit";
import { en, loadMessages, resolveLocale, type LocaleId, type Messages } from "../i18n/index.js";

type Host = ReactiveControllerHost & HTMLElement;

/** The connected controllers, and one observer of `<html lang>` for all of them (made when the first connects). */
const following = new Set<LocalizeController>();
let pageLang: MutationObserver | undefined;

/**
 * The element's language: its `locale` attribute, else the nearest `lang` around it, else the page's. Checked on
 * every update of the host; a change of `<html lang>` updates every element that follows the page. Each language
 * but English loads on demand; until the first has loaded, `messages` is undefined.
 */
export class LocalizeController implements ReactiveController {
  #messages: Messages | undefined;
  #wanted: LocaleId | undefined;
  readonly #host: Host;
  readonly #locale: () => string;

  constructor(host: Host, locale: () => string) {
    this.#host = host;
    this.#locale = locale;
    host.addController(this);
  }

  /** The chosen language's messages once loaded. */
  get messages(): Messages | undefined {
    return this.#messages;
  }

  /** What to say now: the chosen language, English until it has loaded. */
  get text(): Messages {
    return this.#messages ?? en;
  }

  hostConnected(): void {
    following.add(this);
    pageLang ??= new MutationObserver(() => following.forEach((controller) => controller.#host.requestUpdate()));
    pageLang.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  }

  hostDisconnected(): void {
    following.delete(this);
  }

  hostUpdate(): void {
    const around = this.#host.closest("[lang]")?.getAttribute("lang") ?? globalThis.document?.documentElement.lang;
    const locale = resolveLocale(this.#locale() || around);
    if (locale === this.#wanted) return;
    this.#wanted = locale;
    loadMessages(locale).then(
      (messages) => this.#use(locale, messages),
      // The language chunk could not be fetched (offline, CSP): English is better than nothing.
      () => this.#use(locale, en),
    );
  }

  #use(locale: LocaleId, messages: Messages): void {
    if (locale !== this.#wanted) return;
    this.#messages = messages;
    this.#host.requestUpdate();
  }
}
