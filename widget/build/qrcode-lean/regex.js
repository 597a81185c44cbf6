// Stand-in for qrcode/lib/core/regex.js: the mode tests the encoder calls for a given segment.
// Kanji mode is never chosen (it needs a Shift JIS table the bundle does not carry either).
const NUMERIC = /^[0-9]+$/;
const ALPHANUMERIC = /^[A-Z0-9 $%*+\-./:]+$/;

export const testNumeric = (text) => NUMERIC.test(text);
export const testAlphanumeric = (text) => ALPHANUMERIC.test(text);
export const testKanji = () => false;
