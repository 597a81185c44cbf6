import { css } from "lit";

/** Dark palette, used both for `theme="dark"` and for `theme="auto"` (default) on a dark system. */
const darkTokens = css`
  --_surface: var(--qfpay-color-surface, #111827);
  --_text: var(--qfpay-color-text, #f3f4f6);
  --_muted: var(--qfpay-color-muted, #a1a1aa);
  --_border: var(--qfpay-color-border, #374151);
  --_subtle: var(--qfpay-color-subtle, #1f2937);
  --_accent: var(--qfpay-color-accent, #93c5fd);
  --_on-accent: var(--qfpay-color-on-accent, #0b1220);
  --_success: var(--qfpay-color-success, #4ade80);
  --_danger: var(--qfpay-color-danger, #fca5a5);
  --_shadow: 0 1px 2px rgb(0 0 0 / 0.5), 0 8px 24px rgb(0 0 0 / 0.35);
  color-scheme: dark;
`;

export const checkoutStyles = css`
  :host {
    --_surface: var(--qfpay-color-surface, #ffffff);
    --_text: var(--qfpay-color-text, #111827);
    --_muted: var(--qfpay-color-muted, #4b5563);
    --_border: var(--qfpay-color-border, #e5e7eb);
    --_subtle: var(--qfpay-color-subtle, #f3f4f6);
    --_accent: var(--qfpay-color-accent, #1d4ed8);
    --_on-accent: var(--qfpay-color-on-accent, #ffffff);
    --_success: var(--qfpay-color-success, #15803d);
    --_danger: var(--qfpay-color-danger, #b91c1c);
    --_shadow: 0 1px 2px rgb(15 23 42 / 0.06), 0 8px 24px rgb(15 23 42 / 0.08);
    /* The QR stays dark-on-light in every theme: scanners expect it. */
    --_qr-dark: var(--qfpay-qr-dark, #000000);
    --_qr-light: var(--qfpay-qr-light, #ffffff);
    --_qr-size: var(--qfpay-qr-size, 232px);
    --_radius: var(--qfpay-radius, 14px);
    --_space: var(--qfpay-spacing, 16px);
    --_font: var(--qfpay-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK", sans-serif);
    display: block;
    max-width: var(--qfpay-max-width, 400px);
    color-scheme: light;
    font-family: var(--_font);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${darkTokens}
    }
  }
  :host([theme="dark"]) {
    ${darkTokens}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .base {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    line-height: 1.45;
    font-size: 15px;
  }

  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  .mark {
    flex: none;
    width: 40px;
    height: 40px;
  }
  .wallet {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .amount {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
  }
  .amount-label {
    display: block;
    font-size: 0.8rem;
    font-weight: 500;
    color: var(--_muted);
    letter-spacing: 0;
  }
  .heading {
    display: grid;
    gap: 2px;
  }

  .qr-frame {
    justify-self: center;
    padding: 0;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_qr-light);
    border: 1px solid var(--_border);
    line-height: 0;
  }
  .qr {
    display: block;
    width: var(--_qr-size);
    height: var(--_qr-size);
    max-width: 100%;
    border-radius: calc(var(--_radius) * 0.75);
  }
  .qr-light {
    fill: var(--_qr-light);
  }
  .qr-dark {
    fill: var(--_qr-dark);
  }
  .qr-frame.stale {
    opacity: 0.15;
  }

  .instructions,
  .muted {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
    text-align: center;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    justify-content: center;
  }

  button,
  .button {
    appearance: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 44px;
    padding: 0 calc(var(--_space) * 1.1);
    border-radius: calc(var(--_radius) * 0.6);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  button:hover,
  .button:hover {
    background: var(--_subtle);
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    width: 100%;
  }
  .primary:hover {
    background: var(--_accent);
    filter: brightness(1.08);
  }
  button:focus-visible,
  .button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }

  .countdown {
    display: grid;
    gap: 6px;
  }
  .countdown-text {
    display: flex;
    justify-content: space-between;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .timer {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    color: var(--_text);
  }
  progress {
    appearance: none;
    width: 100%;
    height: 6px;
    border: 0;
    border-radius: 999px;
    background: var(--_subtle);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_subtle);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
    border-radius: 999px;
    transition: width 1s linear;
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }

  .status {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    margin: 0;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .pulse {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_accent);
    animation: pulse 1.6s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.25;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      animation: none;
    }
    progress::-webkit-progress-value {
      transition: none;
    }
  }
  .reconnecting {
    margin: 0;
    text-align: center;
    font-size: 0.8rem;
    color: var(--_muted);
  }

  .same-phone {
    display: none;
    padding: var(--_space);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
    gap: calc(var(--_space) * 0.5);
  }
  @media (max-width: 40rem), (hover: none) and (pointer: coarse) {
    .same-phone {
      display: grid;
    }
  }
  .same-phone h3 {
    margin: 0;
    font-size: 0.95rem;
  }

  .result {
    display: grid;
    justify-items: center;
    gap: calc(var(--_space) * 0.5);
    text-align: center;
    padding: var(--_space) 0;
  }
  .result h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  .result p {
    margin: 0;
    color: var(--_muted);
  }
  .icon {
    width: 56px;
    height: 56px;
  }
  .icon.success {
    color: var(--_success);
  }
  .icon.problem {
    color: var(--_danger);
  }
  .icon.neutral {
    color: var(--_muted);
  }

  .spinner {
    width: 28px;
    height: 28px;
    border-radius: 50%;
    border: 3px solid var(--_subtle);
    border-top-color: var(--_accent);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
