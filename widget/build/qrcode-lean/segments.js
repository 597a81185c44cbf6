// Stand-in for qrcode/lib/core/segments.js: each text becomes one segment in the densest single mode
// that holds all of it (what the original's fromArray does for plain strings). The original's
// mixed-mode optimiser (fromString, with a graph search library) and Kanji mode are left out.
import AlphanumericData from "qrcode/lib/core/alphanumeric-data.js";
import ByteData from "qrcode/lib/core/byte-data.js";
import Mode from "qrcode/lib/core/mode.js";
import NumericData from "qrcode/lib/core/numeric-data.js";

const DATA_BY_MODE = new Map([
  [Mode.NUMERIC, NumericData],
  [Mode.ALPHANUMERIC, AlphanumericData],
]);

export function fromArray(texts) {
  return texts.map((text) => {
    if (typeof text !== "string") throw new Error("The lean QR encoder takes plain strings");
    const Data = DATA_BY_MODE.get(Mode.getBestModeForData(text)) ?? ByteData;
    return new Data(text);
  });
}

export function fromString() {
  throw new Error("The lean QR encoder has no mixed-mode optimiser: pass [text]");
}

export const rawSplit = fromString;
