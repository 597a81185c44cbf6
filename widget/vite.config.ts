import { defineConfig } from "vite";
import { minifyLitTemplates } from "./build/minify-template-literals.js";
import { qrcodeLean } from "./build/qrcode-lean.js";

/**
 * Two builds (`pnpm build` runs both):
 * - default: the package's modules in `dist/` — `index.js` (the class, no side effects), `define.js` (registers the
 *   tag), one chunk per non-English language. Lit stays an import, so an app and its server-side renderer share one
 *   Lit (Node picks Lit's server build: importing the element there is safe). The QR encoder is bundled in.
 * - `--mode standalone`: `dist/standalone/qfpay-checkout.js`, everything in one file (Lit included) for a plain
 *   HTML page's `<script type="module">`. The size benchmark measures this one.
 */
/** Loaded on demand: the drop-in, the redirect and JSAPI modes (controller and view), the QR image saver, the other languages. */
const LAZY_MODULES = /\/src\/(cart|jsapi)\/|\/src\/(controllers|views)\/(redirect|jsapi)\.ts$|\/src\/save-qr\.ts$|\/src\/i18n\/(zh-hk|zh-cn|ja|th)\.ts$/;

export default defineConfig(({ mode }) => {
  const standalone = mode === "standalone";
  const entry: Record<string, string> = standalone ? { "qfpay-checkout": "src/define.ts" } : { index: "src/index.ts", define: "src/define.ts" };
  return {
    plugins: [qrcodeLean(), minifyLitTemplates()],
    build: {
      target: "es2022",
      outDir: standalone ? "dist/standalone" : "dist",
      emptyOutDir: true,
      sourcemap: true,
      minify: true,
      lib: {
        entry,
        formats: ["es"],
      },
      rolldownOptions: {
        external: standalone ? [] : [/^lit($|\/)/],
        output: {
          // Vite leaves whitespace in ES library output; minify it fully.
          minify: true,
          // What the element needs at once in one chunk (not one per module the lazy parts share with it).
          // define.ts stays in its entry: its registration is the package's declared side effect (`sideEffects`).
          codeSplitting: { groups: [{ name: "element", test: (id: string) => !LAZY_MODULES.test(id) && !id.endsWith("/src/define.ts") }] },
          entryFileNames: "[name].js",
          chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes("/i18n/") ? `locales/${chunk.name}.js` : "chunks/[name]-[hash].js"),
        },
      },
    },
  };
});
