import { describe, expect, it } from "vitest";
import { escapeHtml, formatAmount } from "./wallet-page.js";

describe("wallet page helpers", () => {
  it.each([
    [12345, "HKD", "HKD 123.45"],
    [5, "USD", "USD 0.05"],
    [100, "EUR", "EUR 1.00"],
    [1500, "JPY", "JPY 1500"],
    [25000, "IDR", "IDR 25000"],
  ])("shows %i %s as %s", (txamt, currency, text) => {
    expect(formatAmount(txamt, currency)).toBe(text);
  });

  it("escapes what HTML would interpret", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
