import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const STUBS: Readonly<Record<string, string>> = {
  "./regex": "./qrcode-lean/regex.js",
  "./kanji-data": "./qrcode-lean/kanji-data.js",
  dijkstrajs: "./qrcode-lean/dijkstrajs.js",
};

/**
 * Leaves out the parts of qrcode's encoder that only serve its mixed-mode segment optimiser and
 * Kanji mode (a graph search library and large Unicode regexes). qr-svg.ts hands the encoder one
 * segment with the best single mode for the whole text, which needs neither.
 */
export function qrcodeLean(): Plugin {
  return {
    name: "qfpay-qrcode-lean",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !/[\\/]qrcode[\\/]lib[\\/]core[\\/]/.test(importer)) return null;
      const stub = STUBS[source];
      return stub ? fileURLToPath(new URL(stub, import.meta.url)) : null;
    },
  };
}
