#!/usr/bin/env node
/**
 * Production size of <qfpay-checkout>: builds the standalone bundle with the package's vite config (Lit,
 * the qrcode encoder and English bundled, other languages split off) and prints minified and gzip bytes
 * of what a page loads for the element, then of each lazily loaded language.
 * Usage: pnpm --filter @qfpay-medusa/widget bench
 */
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { build } from "vite";

// 20 kB, plus a quarter kB for the long poll (the server holds a status request until the payment changes).
const BUDGET_GZIP_BYTES = 20.25 * 1024;
const root = fileURLToPath(new URL("..", import.meta.url));

const result = await build({
  root,
  configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
  mode: "standalone",
  logLevel: "silent",
  build: { write: false, sourcemap: false },
});

const allChunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((c) => c.type === "chunk");
const chunks = [...new Map(allChunks.map((c) => [c.fileName, c])).values()];
const sizes = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code).length,
});
const isLocale = (chunk) => chunk.fileName.startsWith("locales/");

// What loads for the element: the entry and every chunk it imports statically.
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const loaded = new Set();
const visit = (name) => {
  if (loaded.has(name)) return;
  loaded.add(name);
  for (const dep of byName.get(name)?.imports ?? []) visit(dep);
};
visit(chunks.find((c) => c.isEntry).fileName);
const elementCode = [...loaded].map((name) => byName.get(name).code).join("\n");
const element = sizes(elementCode);

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`.padStart(9);
console.log("<qfpay-checkout> production build (vite, minified)");
console.log(`  element + Lit + qrcode encoder + English: ${kB(element.min)} min  ${kB(element.gzip)} gzip  ${kB(element.brotli)} brotli`);
console.log(
  `  budget: ${kB(BUDGET_GZIP_BYTES)} gzip → ${element.gzip <= BUDGET_GZIP_BYTES ? "within" : "OVER"} (${((element.gzip / BUDGET_GZIP_BYTES) * 100).toFixed(0)}%)`,
);
console.log("  languages loaded on demand:");
for (const chunk of chunks.filter(isLocale)) {
  const s = sizes(chunk.code);
  console.log(`    ${chunk.fileName.padEnd(20)} ${kB(s.min)} min  ${kB(s.gzip)} gzip`);
}
console.log("  parts loaded on demand (drop-in, redirect and JSAPI views, QR image):");
for (const chunk of chunks.filter((c) => !isLocale(c) && !loaded.has(c.fileName))) {
  const s = sizes(chunk.code);
  console.log(`    ${chunk.fileName.replace(/-[\w-]{8}\.js$/, ".js").padEnd(24)} ${kB(s.min)} min  ${kB(s.gzip)} gzip`);
}
for (const name of loaded) {
  if (isLocale(byName.get(name))) console.log(`  WARNING: ${name} is loaded statically`);
}
process.exitCode = element.gzip <= BUDGET_GZIP_BYTES ? 0 : 1;
