// Stand-in for qrcode/lib/core/regex.js: the mode tests qrcode's mode.js calls. Kanji mode is never
// chosen (the original's Kanji expressions and the Shift JIS table it would need are left out).
const NUMERIC = /^[0-9]+$/;
const ALPHANUMERIC = /^[A-Z0-9 $%*+\-./:]+$/;

export const testNumeric = (text) => NUMERIC.test(text);
export const testAlphanumeric = (text) => ALPHANUMERIC.test(text);
export const testKanji = () => false;
