import { describe, expect, it } from "vitest";
import { minifyTemplateLiteral } from "./minify-template-literals.js";

describe("minifyTemplateLiteral", () => {
  it("drops indentation between tags", () => {
    expect(minifyTemplateLiteral('<div class="a">\n      <p>x</p>\n    </div>', "html")).toBe('<div class="a"><p>x</p></div>');
  });

  it("keeps a space between attributes, also next to an expression", () => {
    // `href=${url}\n  @click=${fn}`: the piece after the first expression starts with the newline.
    expect(minifyTemplateLiteral("\n            @click=", "html")).toBe(" @click=");
    expect(minifyTemplateLiteral(' aria-label=\n  x', "html")).toBe(" aria-label= x");
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
