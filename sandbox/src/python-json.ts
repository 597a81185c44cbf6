/**
 * JSON text as QFPay's servers write it (Python's `json.dumps` defaults): `", "` and `": "` separators,
 * key order as given, non-ASCII characters escaped as `\uXXXX`. Receivers must hash these exact bytes,
 * so the sandbox writes them the way the reference's examples look, escapes included.
 */
export type PythonJsonValue = string | number | boolean | null | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

export function toPythonJson(value: PythonJsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot write ${value} as JSON`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(", ")}]`;
  const object = value as { readonly [key: string]: PythonJsonValue };
  const members = Object.keys(object).map((key) => `${quote(key)}: ${toPythonJson(object[key] as PythonJsonValue)}`);
  return `{${members.join(", ")}}`;
}

/** Escapes per UTF-16 code unit, as Python does with `ensure_ascii=True` (astral characters become surrogate pairs). */
function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const unit = text.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (unit < 0x20 || unit > 0x7e) out += `\\u${unit.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}
