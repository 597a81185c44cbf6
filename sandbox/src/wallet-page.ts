import { currencyExponent, findPayType, formatTxdtm, WALLETS } from "@qfpay-medusa/shared";
import { OPEN_STATES, type Entry } from "./ledger.js";
import type { WalletFlavor } from "./wallet-urls.js";

/** What the payer reads for each state of the order. */
const STATE_TEXT: Readonly<Record<Entry["state"], string>> = {
  pending: "Waiting for you to pay",
  holding: "Entering password… (the merchant sees 1143 until you pay)",
  succeeded: "Paid",
  frozen: "Amount frozen (pre-authorization)",
  failed: "Payment failed",
  closed: "Order closed",
  expired: "Order expired",
};

/** The buttons of an open order: form action and label. */
const ACTIONS: ReadonlyArray<[action: string, label: string]> = [
  ["pay", "Pay"],
  ["hold", "Enter password (hold 1143)"],
  ["cancel", "Cancel"],
];

export const WALLET_STYLESHEET = `
body { font-family: system-ui, sans-serif; margin: 0; background: #f3f4f6; color: #111827; }
main { max-width: 26rem; margin: 2rem auto; background: #fff; border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 1.1rem; margin: 0 0 1rem; }
.amount { font-size: 2rem; font-weight: 700; margin: .5rem 0 1rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; font-size: .85rem; color: #4b5563; }
dd { margin: 0; word-break: break-all; }
.status { padding: .6rem .8rem; border-radius: 8px; background: #eef2ff; margin: 1rem 0; }
.status[data-state="succeeded"], .status[data-state="frozen"] { background: #dcfce7; }
.status[data-state="failed"], .status[data-state="closed"], .status[data-state="expired"] { background: #fee2e2; }
form { display: inline; }
button { font: inherit; padding: .6rem 1rem; margin: .25rem .25rem 0 0; border-radius: 8px; border: 1px solid #d1d5db; background: #fff; cursor: pointer; }
button[value="pay"] { background: #16a34a; border-color: #16a34a; color: #fff; }
.notice { color: #b91c1c; }
.sandbox { font-size: .75rem; color: #9ca3af; margin-top: 1.5rem; }
`;

export interface WalletPageInput {
  entry: Entry;
  flavor: WalletFlavor;
  /** A message above the buttons, e.g. why an action was refused. */
  notice?: string;
}

/** The wallet page of an order: plain HTML and forms, no scripts, one stylesheet. */
export function walletPage({ entry, flavor, notice }: WalletPageInput): string {
  const payType = findPayType(entry.payType);
  const walletName = payType ? WALLETS[payType.wallet].name : "Wallet";
  const open = OPEN_STATES.has(entry.state);
  const base = `/wallet/${flavor}/${encodeURIComponent(entry.syssn)}`;
  const buttons = open
    ? ACTIONS.map(
        ([action, label]) =>
          `<form method="post" action="${base}/${action}"><button type="submit" name="action" value="${action}">${escapeHtml(label)}</button></form>`,
      ).join("\n")
    : "";
  const back = !open && flavor === "web" && entry.returnUrl ? `<p><a href="${escapeHtml(entry.returnUrl)}">Return to the merchant</a></p>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(walletName)} · QFPay sandbox</title>
<link rel="stylesheet" href="/wallet/style.css">
</head>
<body>
<main>
<h1>${escapeHtml(walletName)}${entry.preauth ? " · pre-authorization" : ""}</h1>
<div class="amount">${escapeHtml(formatAmount(entry.txamt, entry.txcurrcd))}</div>
<dl>
<dt>Order</dt><dd>${escapeHtml(entry.outTradeNo)}</dd>
<dt>Transaction</dt><dd>${escapeHtml(entry.syssn)}</dd>
${entry.goodsName ? `<dt>Goods</dt><dd>${escapeHtml(entry.goodsName)}</dd>` : ""}
${entry.expiresAt && open ? `<dt>Valid until</dt><dd>${escapeHtml(formatTxdtm(entry.expiresAt, entry.txzone))} (${escapeHtml(entry.txzone)})</dd>` : ""}
</dl>
<p class="status" role="status" data-state="${entry.state}">${escapeHtml(STATE_TEXT[entry.state])}</p>
${notice ? `<p class="notice">${escapeHtml(notice)}</p>` : ""}
${buttons}
${back}
<p class="sandbox">QFPay sandbox: no real money moves.</p>
</main>
</body>
</html>
`;
}

export function notFoundPage(syssn: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Unknown order · QFPay sandbox</title><link rel="stylesheet" href="/wallet/style.css"></head>
<body><main><h1>Unknown order</h1><p>No payment ${escapeHtml(syssn)} in this sandbox.</p></main></body></html>
`;
}

/** "HKD 12.34": minor units shown in the currency's major unit. */
export function formatAmount(txamt: number, txcurrcd: string): string {
  const exponent = currencyExponent(txcurrcd);
  const text = String(txamt).padStart(exponent + 1, "0");
  const major = exponent === 0 ? text : `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
  return `${txcurrcd} ${major}`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
