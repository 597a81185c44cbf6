/**
 * Reads the pay types QFPay's documents list: the tables under a PayType heading ("Code Description",
 * "PayType Description", "PayType | Description |"), "PayType : 800201" lines and the Japan document's
 * "Payment type: Wechat:800208;Alipay:800108;" cells. Used by the catalog's tests.
 */
export interface DocumentedPayType {
  code: string;
  description: string;
}

const TABLE_HEADER = /^(Code Description|PayType Description|PayType \| Description \|)$/;
const TABLE_ROW = /^(8\d{5})\s*\|?\s+(.+?)\s*\|?$/;
const SINGLE = /^PayType\s*:\s*(8\d{5})\s*$/;
const INLINE_LIST = /Payment type:\s*([^|]+)/;
const INLINE_ITEM = /([A-Za-z][A-Za-z -]*?)\s*:?\s*(8\d{5})/g;

export function extractPayTypeTables(text: string): DocumentedPayType[] {
  const found: DocumentedPayType[] = [];
  let inTable = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (TABLE_HEADER.test(line)) {
      inTable = true;
      continue;
    }
    if (inTable) {
      const row = TABLE_ROW.exec(line);
      if (row) {
        found.push({ code: row[1]!, description: row[2]! });
        continue;
      }
      if (/^-+\|/.test(line) || (line === "" && found.length === 0)) continue;
      inTable = false;
    }
    const single = SINGLE.exec(line);
    if (single) found.push({ code: single[1]!, description: "" });
    const list = INLINE_LIST.exec(line);
    if (list) {
      for (const item of list[1]!.matchAll(INLINE_ITEM)) found.push({ code: item[2]!, description: item[1]!.trim() });
    }
  }
  return found;
}
