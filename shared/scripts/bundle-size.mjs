// Prints the size of what a browser loads from the package root: dist/index.js and the chunks it imports.
// Run after `pnpm build`: node scripts/bundle-size.mjs
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(dirname(fileURLToPath(import.meta.url))), "dist");
const seen = new Map();
const pending = [join(dist, "index.js")];
while (pending.length) {
  const file = pending.pop();
  if (seen.has(file)) continue;
  const code = readFileSync(file);
  seen.set(file, code);
  for (const match of code.toString("utf8").matchAll(/from\s*["'](\.{1,2}\/[^"']+)["']/g)) pending.push(join(dirname(file), match[1]));
}
let raw = 0;
let gzip = 0;
for (const [file, code] of seen) {
  const zipped = gzipSync(code).length;
  raw += code.length;
  gzip += zipped;
  console.log(`${relative(dist, file).padEnd(28)} ${String(code.length).padStart(8)} B  ${String(zipped).padStart(7)} B gzip`);
}
console.log(`${"browser entry total".padEnd(28)} ${String(raw).padStart(8)} B  ${String(gzip).padStart(7)} B gzip (zod not included: a dependency)`);
