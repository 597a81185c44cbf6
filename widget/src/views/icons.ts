import { html, type TemplateResult } from "lit";
import type { WalletLook } from "../wallets.js";

/** The wallet's round mark: brand colour and a glyph (decorative, the name is written beside it). */
export function walletMark(wallet: WalletLook): TemplateResult {
  const small = wallet.glyph.length > 1;
  return html`<svg class="mark" part="mark" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
    <rect width="40" height="40" rx="10" fill=${wallet.color}></rect>
    <text
      x="20"
      y="21"
      fill="#fff"
      font-size=${small ? 15 : 20}
      font-weight="700"
      text-anchor="middle"
      dominant-baseline="central"
      font-family="system-ui, sans-serif"
    >
      ${wallet.glyph}
    </text>
  </svg>`;
}

/** One stroke per result, drawn over a tinted disc. */
const RESULT_ICON_PATHS = {
  success: "M17 29l7 7 15-16",
  problem: "M20 20l16 16M36 20L20 36",
  neutral: "M28 16v13l8 5",
} as const;

export type ResultTone = keyof typeof RESULT_ICON_PATHS;

export function resultIcon(tone: ResultTone): TemplateResult {
  return html`<svg class="icon ${tone}" viewBox="0 0 56 56" aria-hidden="true" focusable="false">
    <circle cx="28" cy="28" r="26" fill="currentColor" opacity="0.14"></circle>
    <path d=${RESULT_ICON_PATHS[tone]} fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"></path>
  </svg>`;
}
