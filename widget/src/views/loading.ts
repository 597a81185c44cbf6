import { html, nothing, type TemplateResult } from "lit";
import type { Messages } from "../i18n/index.js";
import { reconnectingHint } from "./status-line.js";

/** While the first answer (or the language) is on its way; `withText` once there are words to say it in. */
export function loadingView(m: Messages, withText: boolean, reconnecting?: boolean): TemplateResult {
  return html`<div class="result" aria-busy="true">
    <span class="pulse"></span>
    ${withText ? html`<p>${m.loading}</p>` : nothing} ${reconnectingHint(m, reconnecting)}
  </div>`;
}
