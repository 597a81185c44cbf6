/**
 * Fields whose values must stay exact strings. QFPay's samples show ids and return codes as bare numbers
 * (`"orig_syssn": 20190722000300020081074842`, `"respcd": 0000`) which JSON.parse would round or reject.
 */
const EXACT_FIELDS = ["syssn", "orig_syssn", "origssn", "out_trade_no", "respcd", "chnlsn", "chnlsn2", "cardcd"];

const BARE_NUMBER = new RegExp(`(?<!\\\\)"(${EXACT_FIELDS.join("|")})"(\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, "g");

/** JSON.parse of a QFPay answer, with bare-number ids and codes read as their exact digits. */
export function parseQfpayJson(text: string): unknown {
  return JSON.parse(text.replace(BARE_NUMBER, '"$1"$2"$3"'));
}
