import { html, nothing, type TemplateResult } from "lit";
import type { Countdown } from "../controllers/countdown.js";
import { formatClock } from "../format.js";
import type { Messages } from "../i18n/index.js";

/** "2 minutes 5 seconds left to pay": what the progress bar and the live region say. */
export function timeLeftText(m: Messages, seconds: number): string {
  return m.timeLeft(Math.floor(seconds / 60), seconds % 60);
}

/** The time left to pay, as a timer and a progress bar with a spoken value; nothing without a deadline. */
export function timeLeftView(countdown: Pick<Countdown, "remainingSeconds" | "totalSeconds">, m: Messages): TemplateResult | typeof nothing {
  const seconds = countdown.remainingSeconds;
  if (seconds === null) return nothing;
  const total = Math.max(countdown.totalSeconds, seconds);
  return html`<div class="countdown" part="countdown">
    <div class="countdown-text">
      <span id="time-left-label">${m.timeLeftLabel}</span>
      <span class="timer" role="timer" aria-labelledby="time-left-label">${formatClock(seconds)}</span>
    </div>
    <progress part="progress" max=${total} value=${seconds} aria-label=${m.timeLeftLabel} aria-valuetext=${timeLeftText(m, seconds)}></progress>
  </div>`;
}
