// Stand-in for qrcode/lib/core/regex.js: the mode tests qrcode's mode.js calls. Kanji mode is never
// chosen (the original's Kanji expressions and the Shift JIS table it would need are left out).
const NUMERIC = /^[0-9]+$/;
const ALPHANUMERIC = /^[A-Z0-9 $%*+\-./:]+$/;

exports.testNumeric = (text) => NUMERIC.test(text);
exports.testAlphanumeric = (text) => ALPHANUMERIC.test(text);
exports.testKanji = () => false;
