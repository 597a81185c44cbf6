import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/**
 * Stand-ins for two of qrcode's modules. They, and the tables module below, are CommonJS like the encoder they
 * join: an ES module required from CommonJS would make the bundler add its interop helpers (half a kB gzip).
 */
const STUBS: Readonly<Record<string, string>> = {
  "./segments": "./qrcode-lean/segments.cjs",
  "./regex": "./qrcode-lean/regex.cjs",
};

const EC_TABLES_ID = "\0qfpay-qrcode-lean:error-correction-code";

/** The only error correction level the element draws (15 % recovery, what payment QR codes use). */
export const QR_ERROR_CORRECTION_LEVEL = "M";

/**
 * Error correction tables for level M alone, read from the qrcode package itself at build time
 * (so no figure is copied by hand), instead of its tables for all four levels.
 */
function levelMTablesModule(): string {
  const require = createRequire(import.meta.url);
  const ec = require("qrcode/lib/core/error-correction-code.js") as {
    getBlocksCount(version: number, level: unknown): number;
    getTotalCodewordsCount(version: number, level: unknown): number;
  };
  const levels = require("qrcode/lib/core/error-correction-level.js") as Record<string, unknown>;
  const versions = Array.from({ length: 40 }, (_, i) => i + 1);
  const blocks = versions.map((v) => ec.getBlocksCount(v, levels[QR_ERROR_CORRECTION_LEVEL]));
  const codewords = versions.map((v) => ec.getTotalCodewordsCount(v, levels[QR_ERROR_CORRECTION_LEVEL]));
  return `const LEVEL = require("qrcode/lib/core/error-correction-level.js").${QR_ERROR_CORRECTION_LEVEL};
const BLOCKS = ${JSON.stringify(blocks)};
const CODEWORDS = ${JSON.stringify(codewords)};
function only(level) {
  if (level !== LEVEL) throw new Error("Only error correction level ${QR_ERROR_CORRECTION_LEVEL} is bundled");
}
exports.getBlocksCount = (version, level) => { only(level); return BLOCKS[version - 1]; };
exports.getTotalCodewordsCount = (version, level) => { only(level); return CODEWORDS[version - 1]; };
`;
}

/**
 * Leaves out the parts of qrcode's encoder the element does not use: the mixed-mode segment
 * optimiser (with a graph search library), Kanji mode (large Unicode expressions), and the error
 * correction tables of levels L, Q and H. qr-svg.ts asks for one segment per text (`[text]`),
 * which the encoder draws in the densest single mode for the whole text, at level M.
 */
export function qrcodeLean(): Plugin {
  return {
    name: "qfpay-qrcode-lean",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !/[\\/]qrcode[\\/]lib[\\/]core[\\/]/.test(importer)) return null;
      if (source === "./error-correction-code") return EC_TABLES_ID;
      const stub = STUBS[source];
      return stub ? fileURLToPath(new URL(stub, import.meta.url)) : null;
    },
    load(id) {
      return id === EC_TABLES_ID ? levelMTablesModule() : null;
    },
  };
}
