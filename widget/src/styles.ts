import { css } from "lit";

/** Dark palette: for `theme="dark"`, and for `theme="auto"` (the default) on a dark system. */
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
  color-scheme: dark;
`;

export const checkoutStyles = css`
  :host {
    --_surface: var(--qfpay-color-surface, #fff);
    --_text: var(--qfpay-color-text, #111827);
    --_muted: var(--qfpay-color-muted, #4b5563);
    --_border: var(--qfpay-color-border, #e5e7eb);
    --_subtle: var(--qfpay-color-subtle, #f3f4f6);
    --_accent: var(--qfpay-color-accent, #1d4ed8);
    --_on-accent: var(--qfpay-color-on-accent, #fff);
    --_success: var(--qfpay-color-success, #15803d);
    --_danger: var(--qfpay-color-danger, #b91c1c);
    --_radius: var(--qfpay-radius, 14px);
    --_space: var(--qfpay-spacing, 16px);
    display: block;
    max-width: var(--qfpay-max-width, 400px);
    color-scheme: light;
    font: 15px/1.45 var(--qfpay-font-family, system-ui, sans-serif);
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
  .base {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.08);
  }
  .header,
  .status,
  .countdown-text {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .mark {
    flex: none;
    width: 40px;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  .wallet {
    font-size: 1rem;
  }
  .amount {
    font-size: 1.5rem;
    font-weight: 700;
  }
  .amount-label {
    display: block;
    font-size: 0.8rem;
    font-weight: 500;
    color: var(--_muted);
  }
  /* The QR keeps dark modules on a light quiet zone in every theme: scanners expect it. */
  .qr {
    justify-self: center;
    display: block;
    width: var(--qfpay-qr-size, 232px);
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: 10px;
  }
  .qr-light {
    fill: var(--qfpay-qr-light, #fff);
  }
  .qr-dark {
    fill: var(--qfpay-qr-dark, #000);
  }
  .instructions,
  .muted,
  .status,
  .countdown-text {
    color: var(--_muted);
    font-size: 0.9rem;
    text-align: center;
    justify-content: center;
  }
  .countdown-text {
    justify-content: space-between;
  }
  .timer {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_text);
  }
  button,
  .button {
    justify-self: center;
    min-height: 44px;
    padding: 0 18px;
    border-radius: calc(var(--_radius) * 0.6);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    text-align: center;
    line-height: 42px;
    cursor: pointer;
  }
  button:hover {
    background: var(--_subtle);
  }
  .primary,
  .primary:hover {
    justify-self: stretch;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .countdown {
    display: grid;
    gap: 6px;
  }
  progress {
    appearance: none;
    width: 100%;
    height: 6px;
    border: 0;
    border-radius: 3px;
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_subtle);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .pulse {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_accent);
    animation: pulse 1.6s infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.2;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      animation: none;
    }
  }
  .same-phone {
    display: none;
    gap: 8px;
    padding: var(--_space);
    border-radius: 10px;
    background: var(--_subtle);
    text-align: center;
  }
  @media (max-width: 40rem), (pointer: coarse) {
    .same-phone {
      display: grid;
    }
  }
  .result {
    display: grid;
    justify-items: center;
    gap: 8px;
    text-align: center;
  }
  .result p {
    color: var(--_muted);
  }
  .icon {
    width: 56px;
  }
  .success {
    color: var(--_success);
  }
  .problem {
    color: var(--_danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
