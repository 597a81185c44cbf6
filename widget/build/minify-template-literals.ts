import type { Plugin } from "vite";

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const TAGS = new Set(["html", "svg", "css"]);

/**
 * Collapses the indentation inside Lit's html``, svg`` and css`` templates; drops CSS comments.
 * `raw` is one static piece between two `${}` expressions (or the template's ends), so an edge
 * of the piece may touch an expression: there a space is kept, lest `a=${x}\n b=${y}` glue two
 * attributes together.
 */
export function minifyTemplateLiteral(raw: string, tag: string): string {
  const css = tag === "css";
  const text = css ? raw.replace(/\/\*[\s\S]*?\*\//g, "") : raw;
  return text.replace(/\s*\n\s*/g, (match, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + match.length];
    const betweenTags = before === ">" || after === "<" || (before === undefined && after === undefined);
    const betweenRules = css && (before === "{" || before === ";" || before === "}" || after === "}");
    return betweenTags || betweenRules ? "" : " ";
  });
}

/** A quoted string (kept as it is), or the spaces a stylesheet does not need: after `:`, `,` and `;`, around braces. */
const CSS_SPACES = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([:,;])\s+|\s*([{}])\s*/g;

/**
 * Takes out the spaces of a css`` piece that CSS never needs (`a: b;` → `a:b;`, `.a, .b {` → `.a,.b{`). Selectors
 * keep theirs: a space before `:` is a descendant combinator, and no selector has one after it.
 */
export function compactCss(raw: string): string {
  return raw.replace(CSS_SPACES, (_match, quoted?: string, separator?: string, brace?: string) => quoted ?? separator ?? brace ?? "");
}

/**
 * Build-only plugin: Lit templates keep their source indentation through minification (it is
 * string content); this removes it. Runs on our own modules after TypeScript is stripped.
 */
export function minifyLitTemplates(): Plugin {
  return {
    name: "qfpay-minify-lit-templates",
    apply: "build",
    enforce: "post",
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(html|svg|css)`/.test(code)) return null;
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (typeof node !== "object" || node === null) return;
        const n = node as Node;
        if (n.type === "TaggedTemplateExpression") {
          const tag = n.tag as Node & { name?: string };
          if (tag.type === "Identifier" && tag.name && TAGS.has(tag.name)) {
            const quasis = (n.quasi as Node & { quasis: Node[] }).quasis;
            for (const quasi of quasis) {
              const raw = code.slice(quasi.start, quasi.end);
              const minified = minifyTemplateLiteral(raw, tag.name);
              const text = tag.name === "css" ? compactCss(minified) : minified;
              if (text !== raw) edits.push({ start: quasi.start, end: quasi.end, text });
            }
          }
        }
        for (const key of Object.keys(n)) if (key !== "type") visit(n[key]);
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      let result = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) {
        result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
      }
      return { code: result, map: null };
    },
  };
}
