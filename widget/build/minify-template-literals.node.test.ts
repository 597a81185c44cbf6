import { describe, expect, it } from "vitest";
import { compactCss, minifyTemplateLiteral } from "./minify-template-literals.js";

describe("minifyTemplateLiteral", () => {
  it("drops indentation between tags", () => {
    expect(minifyTemplateLiteral('<div class="a">\n      <p>x</p>\n    </div>', "html")).toBe('<div class="a"><p>x</p></div>');
  });

  it("keeps a space between attributes, also next to an expression", () => {
    // `href=${url}\n  @click=${fn}`: the piece after the first expression starts with the newline.
    expect(minifyTemplateLiteral("\n            @click=", "html")).toBe(" @click=");
    expect(minifyTemplateLiteral(" aria-label=\n  x", "html")).toBe(" aria-label= x");
    expect(minifyTemplateLiteral('<svg class="mark"\n    viewBox="0 0 4 4">', "html")).toBe('<svg class="mark" viewBox="0 0 4 4">');
  });

  it("keeps the words of a text apart", () => {
    expect(minifyTemplateLiteral("Pay\n    now", "html")).toBe("Pay now");
  });

  it("removes a piece that is only whitespace between two expressions", () => {
    expect(minifyTemplateLiteral("\n      ", "html")).toBe("");
  });

  it("compacts CSS and drops its comments", () => {
    expect(minifyTemplateLiteral(":host {\n  /* why */\n  color: red;\n  display: block;\n}\n.a,\n.b {\n  x: y;\n}", "css")).toBe(
      ":host {color: red;display: block;}.a, .b {x: y;}",
    );
  });
});

describe("compactCss", () => {
  it("drops the spaces after colons, commas and semicolons, and around braces", () => {
    expect(compactCss(":host {color: red;display: block;}.a, .b {x: y;}")).toBe(":host{color:red;display:block;}.a,.b{x:y;}");
    expect(compactCss("@media (max-width: 40rem), (pointer: coarse) {.a {b: c;}}")).toBe("@media (max-width:40rem),(pointer:coarse){.a{b:c;}}");
  });

  it("keeps the spaces a stylesheet needs: descendant combinators, values, calc(), strings", () => {
    expect(compactCss(".a :focus-visible {outline: 3px solid var(--x);}")).toBe(".a :focus-visible{outline:3px solid var(--x);}");
    expect(compactCss("padding: calc(var(--s) * 1.5);")).toBe("padding:calc(var(--s) * 1.5);");
    expect(compactCss('content: "a, b: c";')).toBe('content:"a, b: c";');
  });
});
