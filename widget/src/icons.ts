import { svg, type SVGTemplateResult } from "lit";
import type { WalletDisplay } from "./wallets.js";

/** The wallet's round mark: brand colour and a glyph (decorative, the name is written beside it). */
export function walletMark(wallet: WalletDisplay): SVGTemplateResult {
  const small = wallet.glyph.length > 1;
  return svg`<svg class="mark" part="mark" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
    <rect width="40" height="40" rx="10" fill=${wallet.color}></rect>
    <text x="20" y="21" fill="#fff" font-size=${small ? 15 : 20} font-weight="700" text-anchor="middle"
      dominant-baseline="central" font-family="system-ui, sans-serif">${wallet.glyph}</text>
  </svg>`;
}

const RESULT_ICONS = {
  success: svg`<circle cx="28" cy="28" r="26" fill="currentColor" opacity="0.14"></circle>
    <path d="M17 29l7 7 15-16" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"></path>`,
  problem: svg`<circle cx="28" cy="28" r="26" fill="currentColor" opacity="0.14"></circle>
    <path d="M20 20l16 16M36 20L20 36" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round"></path>`,
  neutral: svg`<circle cx="28" cy="28" r="26" fill="currentColor" opacity="0.14"></circle>
    <path d="M28 16v13l8 5" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"></path>`,
} as const;

export type ResultTone = keyof typeof RESULT_ICONS;

export function resultIcon(tone: ResultTone): SVGTemplateResult {
  return svg`<svg class="icon ${tone}" viewBox="0 0 56 56" aria-hidden="true" focusable="false">${RESULT_ICONS[tone]}</svg>`;
}
