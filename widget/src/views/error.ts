import { html, type TemplateResult } from "lit";
import type { ErrorCode, Messages } from "../i18n/index.js";
import { resultIcon } from "./icons.js";

/** A bad attribute, or an answer the element cannot get past (unknown session, refused key). */
export function errorView(m: Messages, code: ErrorCode): TemplateResult {
  return html`<div class="result" part="error">
    ${resultIcon("problem")}
    <h2>${m.errorTitle}</h2>
    <p>${m.errors[code]}</p>
  </div>`;
}
