/**
 * What QFPay accepts as `goods_name`. The reference: optional, String(64). japan-business-api.txt: required,
 * "No long than 20 byte", "no longer than 20 characters, special characters are not allowed ... special
 * characters include full-width characters and symbols" (its list follows). Both limits hold there, so a
 * Japanese name is checked for 20 characters and 20 UTF-8 bytes.
 */
export interface GoodsNameRules {
  id: "reference" | "japan";
  required: boolean;
  maxCharacters: number;
  maxBytes: number | undefined;
  /** Characters QFPay refuses, or undefined when the document names none. */
  forbidden: RegExp | undefined;
}

/**
 * Japan's list of special characters: the symbols it spells out, Greek and Cyrillic letters, and the full-width
 * forms of ASCII (U+FF01-FF5E, which its list shows as "ａｂｃ..."), plus the full-width space.
 */
const JAPAN_FORBIDDEN = /[★☆$&¤§|°゜¨±·×÷ˇˉˊˋ˙\u0370-\u03ff\u0400-\u04ff\uff01-\uff5e\u3000―‖‥…‰′″※℃℅℉№℡]/u;

export const GOODS_NAME_RULES: Readonly<Record<GoodsNameRules["id"], GoodsNameRules>> = Object.freeze({
  reference: Object.freeze({ id: "reference", required: false, maxCharacters: 64, maxBytes: undefined, forbidden: undefined }),
  japan: Object.freeze({ id: "japan", required: true, maxCharacters: 20, maxBytes: 20, forbidden: JAPAN_FORBIDDEN }),
});

/** Japan's rules apply to Japanese merchants (a `jp-*` environment) and to JPY orders. */
export function goodsNameRulesFor(order: { environmentId?: string | undefined; currency?: string | undefined }): GoodsNameRules {
  const japanese = /^jp-/i.test(order.environmentId ?? "") || order.currency?.toUpperCase() === "JPY";
  return japanese ? GOODS_NAME_RULES.japan : GOODS_NAME_RULES.reference;
}

export class GoodsNameError extends Error {
  override readonly name = "GoodsNameError";
  constructor(
    readonly goodsName: string | undefined,
    readonly rules: GoodsNameRules,
    reason: string,
  ) {
    super(`goods_name ${reason}${rules.id === "japan" ? " (QFPay's rules for Japan)" : ""}`);
  }
}

/** The first rule the name breaks, worded for the merchant, or null when QFPay will take it. */
export function goodsNameProblem(goodsName: string | undefined, rules: GoodsNameRules): string | null {
  const name = goodsName ?? "";
  if (name.trim() === "") return rules.required ? "is required" : null;
  const characters = [...name].length;
  if (characters > rules.maxCharacters) return `must be at most ${rules.maxCharacters} characters (has ${characters})`;
  const bytes = new TextEncoder().encode(name).length;
  if (rules.maxBytes !== undefined && bytes > rules.maxBytes) {
    return `must be at most ${rules.maxBytes} bytes in UTF-8 (has ${bytes}; a kanji or kana takes 3)`;
  }
  const special = rules.forbidden ? new RegExp(rules.forbidden.source, "gu") : undefined;
  const found = special ? [...new Set(name.match(special) ?? [])] : [];
  if (found.length) return `must not contain special or full-width characters: ${found.map((c) => `"${c}"`).join(", ")}`;
  return null;
}

/** Throws `GoodsNameError` naming the broken rule; returns the name unchanged when it is fine. */
export function checkGoodsName(goodsName: string | undefined, rules: GoodsNameRules): string | undefined {
  const problem = goodsNameProblem(goodsName, rules);
  if (problem !== null) throw new GoodsNameError(goodsName, rules, problem);
  return goodsName;
}
