import { defineConfig } from "vite";
import { minifyLitTemplates } from "./build/minify-template-literals.js";
import { qrcodeLean } from "./build/qrcode-lean.js";

/**
 * Library build: `dist/index.js` (the class, no side effects), `dist/define.js` (registers the tag),
 * one chunk per non-English language. Lit and the qrcode encoder are bundled in, so a plain HTML
 * page can load `define.js` as it is.
 */
export default defineConfig({
  plugins: [qrcodeLean(), minifyLitTemplates()],
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: { index: "src/index.ts", define: "src/define.ts" },
      formats: ["es"],
    },
    rolldownOptions: {
      output: {
        // Vite leaves whitespace in ES library output; the file is also loaded as is from plain HTML.
        minify: true,
        entryFileNames: "[name].js",
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes("/i18n/") ? `locales/${chunk.name}.js` : "chunks/[name]-[hash].js",
      },
    },
  },
});
