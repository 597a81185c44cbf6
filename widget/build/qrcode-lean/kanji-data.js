// Stand-in for qrcode/lib/core/kanji-data.js: Kanji mode is never chosen (see regex.js here).
export default function KanjiData() {
  throw new Error("Kanji mode is not bundled");
}
KanjiData.getBitsLength = (length) => length * 13;
