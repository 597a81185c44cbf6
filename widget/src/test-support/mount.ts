/** Mounts <qfpay-checkout> with attributes and records every qfpay-* event it sends, from the first one. */
import { fixture, fixtureCleanup, html } from "@open-wc/testing";
import { expect } from "vitest";
import "../define.js";
import type { QfpayEventDetails, QfpayEventName } from "../events.js";
import type { QfpayCheckout } from "../qfpay-checkout.js";
import { eventually } from "./real-time.js";
import { PUBLISHABLE_KEY, serverUrl, sessionStats } from "./stand-in.js";

export const EVENT_NAMES: readonly QfpayEventName[] = [
  "qfpay-status",
  "qfpay-succeeded",
  "qfpay-failed",
  "qfpay-expired",
  "qfpay-error",
  "qfpay-redirect",
  "qfpay-session",
];

export interface RecordedEvent<K extends QfpayEventName = QfpayEventName> {
  type: K;
  detail: QfpayEventDetails[K];
  bubbles: boolean;
  composed: boolean;
}

export interface Mounted {
  el: QfpayCheckout;
  /** Everything the element emitted, as seen on its parent (so bubbling is part of the check). */
  events: RecordedEvent[];
  /** The events of one type, in order. */
  of<K extends QfpayEventName>(type: K): RecordedEvent<K>[];
}

export type Attributes = Record<string, string | true | undefined>;

/** The attributes of a drop-in checkout for `cartId` against the stand-in server. */
export function dropInAttributes(cartId: string, extra: Attributes = {}): Attributes {
  return { "backend-url": serverUrl(), "publishable-key": PUBLISHABLE_KEY, "cart-id": cartId, locale: "en", ...extra };
}

/** The attributes of a working checkout for `sessionId` against the stand-in server. */
export function checkoutAttributes(sessionId: string, extra: Attributes = {}): Attributes {
  return { "backend-url": serverUrl(), "publishable-key": PUBLISHABLE_KEY, "session-id": sessionId, locale: "en", ...extra };
}

export async function mount(attributes: Attributes, options: { lang?: string } = {}): Promise<Mounted> {
  const parent = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? ""}></div>`);
  if (options.lang === undefined) parent.removeAttribute("lang");
  const events: RecordedEvent[] = [];
  for (const type of EVENT_NAMES) {
    parent.addEventListener(type, (event) => {
      const { detail, bubbles, composed } = event as CustomEvent;
      events.push({ type, detail, bubbles, composed });
    });
  }
  const el = document.createElement("qfpay-checkout");
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) el.setAttribute(name, value === true ? "" : value);
  }
  parent.append(el);
  await el.updateComplete;
  return {
    el,
    events,
    of: <K extends QfpayEventName>(type: K) => events.filter((e): e is RecordedEvent<K> => e.type === type),
  };
}

export function cleanup(): void {
  fixtureCleanup();
}

export function shadow(el: HTMLElement): ShadowRoot {
  return el.shadowRoot!;
}

/** Waits (in real time, also under fake timers) until the selector matches in the element's shadow root. */
export async function find<T extends Element = HTMLElement>(el: HTMLElement, selector: string): Promise<T> {
  return eventually(() => {
    const found = shadow(el).querySelector<T & Element>(selector);
    expect(found, `${selector} in <qfpay-checkout>`).toBeTruthy();
    return found!;
  });
}

/** The visible text of the shadow root, whitespace collapsed. */
export function textOf(el: HTMLElement): string {
  return (shadow(el).querySelector(".base")?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export async function waitForText(el: HTMLElement, text: string): Promise<void> {
  await eventually(() => expect(textOf(el)).toContain(text));
}

/** Waits until the stand-in server has answered (or started answering) `count` GETs for the session. */
export async function waitForGets(sessionId: string, count: number): Promise<void> {
  await eventually(async () => expect((await sessionStats(sessionId)).gets).toBeGreaterThanOrEqual(count));
}
