// Stand-in for qrcode/lib/core/segments.js: each text becomes one segment in the densest single mode
// that holds all of it (what the original's fromArray does for plain strings). The original's
// mixed-mode optimiser (fromString, with a graph search library) and Kanji mode are left out.
const AlphanumericData = require("qrcode/lib/core/alphanumeric-data.js");
const ByteData = require("qrcode/lib/core/byte-data.js");
const Mode = require("qrcode/lib/core/mode.js");
const NumericData = require("qrcode/lib/core/numeric-data.js");

const DATA_BY_MODE = new Map([
  [Mode.NUMERIC, NumericData],
  [Mode.ALPHANUMERIC, AlphanumericData],
]);

exports.fromArray = function fromArray(texts) {
  return texts.map((text) => {
    if (typeof text !== "string") throw new Error("The lean QR encoder takes plain strings");
    const Data = DATA_BY_MODE.get(Mode.getBestModeForData(text)) ?? ByteData;
    return new Data(text);
  });
};

exports.fromString = function fromString() {
  throw new Error("The lean QR encoder has no mixed-mode optimiser: pass [text]");
};

exports.rawSplit = exports.fromString;
