import { LitElement, html } from "lit";
import { describe, expect, inject, it } from "vitest";
import { takeLitWarnings } from "./lit-warnings.js";

class ChangesInUpdated extends LitElement {
  static override properties = { count: { type: Number } };
  declare count: number;
  constructor() {
    super();
    this.count = 0;
  }
  protected override render() {
    return html`${this.count}`;
  }
  protected override updated(): void {
    if (this.count === 0) this.count = 1;
  }
}
customElements.define("changes-in-updated", ChangesInUpdated);

it("runs against the Lit build its project names", () => {
  // Lit's development build alone keeps a record of its warnings.
  expect(globalThis.litIssuedWarnings === undefined ? "production" : "development").toBe(inject("litBuild"));
});

// Only Lit's development build warns; the production project runs the same files without it.
describe.runIf(globalThis.litIssuedWarnings !== undefined)("the Lit warning check", () => {
  it("sees a change scheduled in updated()", async () => {
    const element = document.body.appendChild(document.createElement("changes-in-updated") as ChangesInUpdated);
    await element.updateComplete;
    await element.updateComplete;
    element.remove();
    expect(takeLitWarnings()).toEqual([expect.stringContaining("lit.dev/msg/change-in-update")]);
  });
});
