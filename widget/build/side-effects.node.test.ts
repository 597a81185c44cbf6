import { fileURLToPath } from "node:url";
import { build, type Rolldown } from "vite";
import { describe, expect, it } from "vitest";

/**
 * package.json declares `dist/define.js` as the package's only side effect, so a storefront's bundler drops
 * every other module it does not use. The tag's registration must therefore be in define.js itself, not in
 * a chunk the build shares between entries and lazy parts.
 */
describe("the library build", () => {
  it("keeps the tag's registration in dist/define.js", async () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const result = await build({
      root,
      configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
      logLevel: "silent",
      build: { write: false, sourcemap: false },
    });
    const chunks = (Array.isArray(result) ? result : [result])
      .flatMap((output) => (output as Rolldown.RolldownOutput).output)
      .filter((chunk): chunk is Rolldown.OutputChunk => chunk.type === "chunk");
    const define = chunks.find((chunk) => chunk.fileName === "define.js");
    expect(define?.code).toContain("customElements.define");
    for (const chunk of chunks.filter((c) => c.fileName !== "define.js")) expect(chunk.code, chunk.fileName).not.toContain("customElements.define");
  }, 60_000);
});
