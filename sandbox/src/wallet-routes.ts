import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, redirect, send } from "./http-io.js";
import { StateError, type Entry, type Ledger } from "./ledger.js";
import { notFoundPage, walletPage, WALLET_STYLESHEET } from "./wallet-page.js";
import type { WalletFlavor } from "./wallet-urls.js";

/** Strict pages: no scripts at all, styles only from the sandbox. */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

/** What each button does to the order. */
const WALLET_ACTIONS: Readonly<Record<string, (ledger: Ledger, entry: Entry) => void>> = {
  pay: (ledger, entry) => ledger.settle(entry),
  hold: (ledger, entry) => ledger.hold(entry),
  cancel: (ledger, entry) => ledger.close(entry, false),
};

const PAGE_PATH = /^\/wallet\/(qr|web)\/([^/]+)$/;
const ACTION_PATH = /^\/wallet\/(qr|web)\/([^/]+)\/([a-z]+)$/;

/**
 * The pages a QR code or pay_url opens: GET shows the order, POST .../pay|hold|cancel acts as the payer.
 * After paying (or cancelling) on a web page the payer goes to the order's return_url, if it has one.
 * Answers false when the path is not a wallet path.
 */
export async function handleWalletRequest(request: IncomingMessage, response: ServerResponse, ledger: Ledger): Promise<boolean> {
  const path = new URL(request.url ?? "/", "http://sandbox").pathname;
  if (path === "/wallet/style.css" && request.method === "GET") {
    send(response, 200, WALLET_STYLESHEET, { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" });
    return true;
  }
  const page = PAGE_PATH.exec(path);
  if (page && request.method === "GET") {
    const [, flavor, syssn] = page as unknown as [string, WalletFlavor, string];
    const entry = findPayment(ledger, decodeURIComponent(syssn));
    if (!entry) send(response, 404, notFoundPage(decodeURIComponent(syssn)), PAGE_HEADERS);
    else send(response, 200, walletPage({ entry, flavor }), PAGE_HEADERS);
    return true;
  }
  const action = ACTION_PATH.exec(path);
  if (action && request.method === "POST") {
    await readBody(request);
    const [, flavor, syssn, name] = action as unknown as [string, WalletFlavor, string, string];
    act(response, ledger, flavor, decodeURIComponent(syssn), name);
    return true;
  }
  return false;
}

function act(response: ServerResponse, ledger: Ledger, flavor: WalletFlavor, syssn: string, name: string): void {
  const entry = findPayment(ledger, syssn);
  const perform = WALLET_ACTIONS[name];
  if (!entry || !perform) {
    send(response, 404, notFoundPage(syssn), PAGE_HEADERS);
    return;
  }
  try {
    perform(ledger, entry);
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    send(response, 409, walletPage({ entry, flavor, notice: `This order can no longer be changed (${entry.state}).` }), PAGE_HEADERS);
    return;
  }
  const leaves = flavor === "web" && name !== "hold" && entry.returnUrl !== undefined;
  redirect(response, leaves ? (entry.returnUrl as string) : `/wallet/${flavor}/${encodeURIComponent(entry.syssn)}`);
}

function findPayment(ledger: Ledger, syssn: string): Entry | undefined {
  ledger.expireDue();
  const entry = ledger.lookup(syssn);
  return entry?.kind === "payment" && entry.syssn === syssn ? entry : undefined;
}
