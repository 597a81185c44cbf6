import { inflateRawSync } from "node:zlib";

/** One transaction of QFPay's daily clearing statement (`trade_bill`), as the reconciliation reads it. */
export interface StatementRow {
  syssn: string;
  out_trade_no: string;
  /** `payment`, `refund`, ... */
  order_type: string;
  /** Minor units. */
  txamt: number;
  respcd: string;
  orig_syssn: string;
}

export class StatementFormatError extends Error {
  override readonly name = "StatementFormatError";
}

/** The columns the comparison needs; a statement without them cannot be compared. */
const REQUIRED = ["syssn", "out_trade_no", "txamt", "respcd"] as const;

/** Reads every CSV file of the statement's zip archive into rows, by the names in each file's header line. */
export function readTradeBill(zip: Uint8Array): StatementRow[] {
  return zipEntries(Buffer.from(zip))
    .filter((entry) => entry.name.toLowerCase().endsWith(".csv"))
    .flatMap((entry) => statementRows(entry.content.toString("utf8")));
}

function statementRows(csv: string): StatementRow[] {
  const [header, ...lines] = csvLines(csv.replace(/^\uFEFF/, ""));
  if (!header) return [];
  const columns = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length) throw new StatementFormatError(`QFPay's statement has no ${missing.join(", ")} column`);
  const cell = (line: string[], name: string) => (line[columns.indexOf(name)] ?? "").trim();
  return lines
    .filter((line) => line.some((value) => value.trim() !== ""))
    .map((line) => ({
      syssn: cell(line, "syssn"),
      out_trade_no: cell(line, "out_trade_no"),
      order_type: cell(line, "order_type").toLowerCase() || "payment",
      txamt: Number(cell(line, "txamt")),
      respcd: cell(line, "respcd"),
      orig_syssn: cell(line, "orig_syssn"),
    }));
}

/** RFC 4180 lines: quoted cells may hold commas, doubled quotes and line breaks. */
function csvLines(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    line.push(cell);
    cell = "";
  };
  const endLine = () => {
    endCell();
    lines.push(line);
    line = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ",") {
      endCell();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endLine();
    } else {
      cell += char;
    }
  }
  if (cell !== "" || line.length) endLine();
  return lines;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The files of a zip archive, found through its central directory (stored or deflated). */
function zipEntries(zip: Buffer): Array<{ name: string; content: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_DIRECTORY) throw new StatementFormatError("QFPay's statement is not a zip archive");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; content: Buffer }> = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new StatementFormatError("QFPay's statement has a damaged zip directory");
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + nameLength + extraLength + commentLength;
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new StatementFormatError(`QFPay's statement has a damaged entry ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    if (method !== 0 && method !== 8) throw new StatementFormatError(`QFPay's statement entry ${name} is compressed in a way this cannot read (${method})`);
    entries.push({ name, content: method === 0 ? Buffer.from(data) : inflateRawSync(data) });
  }
  return entries;
}
