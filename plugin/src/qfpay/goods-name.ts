import type { GOODS_NAME_PLACEHOLDERS } from "./options";

export type GoodsNameValues = Record<(typeof GOODS_NAME_PLACEHOLDERS)[number], string>;

/** QFPay's `goods_name` is String(64). */
const GOODS_NAME_MAX = 64;

/** Fills `{reference}`, `{currency}` and `{amount}` into the configured template. */
export function renderGoodsName(template: string, values: GoodsNameValues): string {
  const text = template.replace(/\{(reference|currency|amount)\}/g, (_match, name: keyof GoodsNameValues) => values[name]);
  return text.trim().slice(0, GOODS_NAME_MAX);
}
