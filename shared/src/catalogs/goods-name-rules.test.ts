import { describe, expect, it } from "vitest";
import { checkGoodsName, GoodsNameError, GOODS_NAME_RULES, goodsNameProblem, goodsNameRulesFor } from "./goods-name-rules.js";

const japan = GOODS_NAME_RULES.japan;

describe("goods_name rules", () => {
  it("applies Japan's rules to jp environments and JPY orders only", () => {
    expect(goodsNameRulesFor({ environmentId: "jp-prod" })).toBe(japan);
    expect(goodsNameRulesFor({ environmentId: "jp-test", currency: "USD" })).toBe(japan);
    expect(goodsNameRulesFor({ currency: "jpy" })).toBe(japan);
    expect(goodsNameRulesFor({ environmentId: "hk-prod", currency: "HKD" })).toBe(GOODS_NAME_RULES.reference);
  });

  it("requires a name in Japan, not elsewhere", () => {
    expect(goodsNameProblem(undefined, japan)).toBe("is required");
    expect(goodsNameProblem("  ", japan)).toBe("is required");
    expect(goodsNameProblem(undefined, GOODS_NAME_RULES.reference)).toBeNull();
  });

  it("limits Japan's names to 20 characters and 20 bytes", () => {
    expect(goodsNameProblem("Coffee beans 200 g", japan)).toBeNull();
    expect(goodsNameProblem("A".repeat(21), japan)).toBe("must be at most 20 characters (has 21)");
    expect(goodsNameProblem("缶コーヒー", japan)).toBeNull();
    expect(goodsNameProblem("商品名1:缶コーヒー", japan)).toMatch(/at most 20 bytes in UTF-8 \(has 26/);
    expect(goodsNameProblem("A".repeat(64), GOODS_NAME_RULES.reference)).toBeNull();
    expect(goodsNameProblem("A".repeat(65), GOODS_NAME_RULES.reference)).toMatch(/at most 64 characters/);
  });

  it("refuses Japan's special and full-width characters, naming them", () => {
    expect(goodsNameProblem("Tea ★ set", japan)).toBe('must not contain special or full-width characters: "★"');
    expect(goodsNameProblem("ｔｅａ", japan)).toMatch(/"ｔ", "ｅ", "ａ"/);
    expect(goodsNameProblem("Ωmega", japan)).toMatch(/"Ω"/);
    expect(goodsNameProblem("Tea & cake", japan)).toMatch(/"&"/);
    expect(goodsNameProblem("Tea ★ set", GOODS_NAME_RULES.reference)).toBeNull();
  });

  it("throws a clear error", () => {
    expect(() => checkGoodsName("", japan)).toThrow(GoodsNameError);
    expect(() => checkGoodsName("", japan)).toThrow("goods_name is required (QFPay's rules for Japan)");
    expect(checkGoodsName("Tea", japan)).toBe("Tea");
  });
});
