/** Browser-side handle on the stand-in status server (see status-server.ts). */
import { inject } from "vitest";
import type { CheckoutStatus } from "@qfpay-medusa/shared/checkout";
import type { CartSetup, CartStats, ScriptedFailure, SessionSetup, SessionStats } from "./status-server.js";

export const PUBLISHABLE_KEY = "pk_stand_in";

export function serverUrl(): string {
  return inject("statusServerUrl");
}

let counter = 0;

/** A session id no other test uses. */
export function uniqueSessionId(label: string): string {
  counter++;
  return `payses_${label}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

async function control<T>(id: string, suffix: "" | "/fail", init?: { method: string; body: unknown }): Promise<T> {
  const response = await fetch(`${serverUrl()}/__control/sessions/${encodeURIComponent(id)}${suffix}`, {
    method: init?.method ?? "GET",
    body: init ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) throw new Error(`stand-in control ${id}${suffix}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Creates or changes a session on the stand-in server; answers the status it will serve. */
export function setSession(id: string, setup: SessionSetup): Promise<CheckoutStatus> {
  return control<CheckoutStatus>(id, "", { method: "POST", body: setup });
}

export function sessionStats(id: string): Promise<SessionStats> {
  return control<SessionStats>(id, "");
}

/** Queues answers that fail, in order, before the normal ones resume. */
export function failNext(id: string, ...failures: ScriptedFailure[]): Promise<unknown> {
  return control(id, "/fail", { method: "POST", body: failures });
}

/** Sets the pay types the stand-in store offers for a cart (the drop-in's tests). */
export async function setCart(id: string, setup: CartSetup): Promise<void> {
  const response = await fetch(`${serverUrl()}/__control/carts/${encodeURIComponent(id)}`, { method: "POST", body: JSON.stringify(setup) });
  if (!response.ok) throw new Error(`stand-in cart ${id}: HTTP ${response.status}`);
}

export async function cartStats(id: string): Promise<CartStats> {
  const response = await fetch(`${serverUrl()}/__control/carts/${encodeURIComponent(id)}`);
  if (!response.ok) throw new Error(`stand-in cart ${id}: HTTP ${response.status}`);
  return (await response.json()) as CartStats;
}
