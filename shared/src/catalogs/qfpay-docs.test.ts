import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findPayType } from "./pay-types.js";
import { extractPayTypeTables } from "./qfpay-docs-tables.js";

/**
 * QFPay's documents sit beside the repository (../shared/qfpay-docs/ from its root); QFPAY_DOCS_DIR points
 * elsewhere. Without them, the fixture test in catalogs.test.ts still checks the excerpts.
 */
const DOCS_DIR = process.env.QFPAY_DOCS_DIR ?? fileURLToPath(new URL("../../../../shared/qfpay-docs/", import.meta.url));
const documents = existsSync(DOCS_DIR)
  ? readdirSync(DOCS_DIR)
      .filter((name) => name.endsWith(".txt"))
      .sort()
  : [];

describe.skipIf(documents.length === 0)(`every PayType table of every document in ${DOCS_DIR}`, () => {
  it("finds the documents and their tables", () => {
    expect(documents).toEqual(expect.arrayContaining(["open-api-reference.txt", "merchant-present-mode.txt", "japan-business-api.txt"]));
    const reference = extractPayTypeTables(readFileSync(`${DOCS_DIR}/open-api-reference.txt`, "utf8"));
    expect(reference.length).toBeGreaterThan(55);
    const codesOf = (name: string) => new Set(extractPayTypeTables(readFileSync(`${DOCS_DIR}/${name}`, "utf8")).map((row) => row.code));
    expect([...codesOf("merchant-present-mode.txt")]).toContain("805801");
    expect([...codesOf("japan-business-api.txt")].sort()).toEqual(["800008", "800101", "800108", "800201", "800208"]);
    expect([...codesOf("wechat-web-qrc-payments.en.txt")]).toEqual(["800201"]);
  });

  it.each(documents)("%s: each pay type it lists is in the catalog", (name) => {
    const rows = extractPayTypeTables(readFileSync(`${DOCS_DIR}/${name}`, "utf8"));
    const missing = rows.filter((row) => findPayType(row.code) === undefined).map((row) => `${row.code} ${row.description}`);
    expect(missing).toEqual([]);
  });
});

describe("reading PayType tables", () => {
  it("reads the reference's, the MPM page's pipe tables and the inline lists", () => {
    const text = [
      "PayType Table",
      "",
      "Code Description",
      "800008 Consumer Present QR Code Mode (CPM)",
      "805612 GoPay WAP Payment",
      "",
      "Currencies",
      "PayType | Description |",
      "---|---|",
      "805801 | PayMe Merchant Presented QR Code Payment in store (MPM) (HK Merchants) |",
      "Description : The merchant generates 800999 a code",
      "PayType : 800201",
      "pay_type | Y | String | Payment type: Wechat:800208;Alipay:800108; All-in-one swipe 800008; | 800208 |",
    ].join("\n");
    expect(extractPayTypeTables(text)).toEqual([
      { code: "800008", description: "Consumer Present QR Code Mode (CPM)" },
      { code: "805612", description: "GoPay WAP Payment" },
      { code: "805801", description: "PayMe Merchant Presented QR Code Payment in store (MPM) (HK Merchants)" },
      { code: "800201", description: "" },
      { code: "800208", description: "Wechat" },
      { code: "800108", description: "Alipay" },
      { code: "800008", description: "All-in-one swipe" },
    ]);
  });
});
