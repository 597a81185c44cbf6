import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CURRENCIES, currencyExponent, findCurrency, UnknownCurrencyError } from "./currencies.js";
import { ENVIRONMENTS, findEnvironment, resolveBaseUrl, UnknownEnvironmentError } from "./environments.js";
import { checkoutModeOf, findPayType, PAY_TYPES, WALLETS, type PayMode } from "./pay-types.js";
import { STATUS_CODES, statusCode } from "./status-codes.js";

/** The reference's tables, section by section ("## Name" headings), data rows only. */
function referenceSection(title: string): string[] {
  const text = readFileSync(new URL("./reference-tables.fixture.txt", import.meta.url), "utf8");
  const section = text.split(/^## /m).find((part) => part.startsWith(`${title}\n`));
  if (!section) throw new Error(`section ${title} missing from the fixture`);
  return section
    .split("\n")
    .slice(2)
    .map((line) => line.trim())
    .filter(Boolean);
}

const rowsOf = (title: string) =>
  referenceSection(title).map((line) => {
    const [, code = "", rest = ""] = /^(\S+) (.*)$/.exec(line) ?? [];
    return { code, rest };
  });

describe("pay types", () => {
  it("has every row of the PayType table, once, with its description", () => {
    const reference = rowsOf("PayType Table");
    expect(reference.length).toBeGreaterThan(50);
    for (const row of reference) expect(findPayType(row.code)?.description).toBe(row.rest);
  });

  it("has the rows of the other documents' PayType tables, and nothing else (PayMe 805801 included)", () => {
    const reference = rowsOf("PayType Table");
    const mpm = rowsOf("PayType Table (merchant-present-mode.txt)");
    const documented = new Set([...reference, ...mpm].map((row) => row.code));
    expect(PAY_TYPES.map((payType) => payType.code).sort()).toEqual([...documented].sort());
    expect(new Set(PAY_TYPES.map((payType) => payType.code)).size).toBe(PAY_TYPES.length);
    expect(findPayType("805801")).toMatchObject({
      wallet: "payme",
      mode: "mpm",
      regions: ["hk"],
      description: mpm.find((row) => row.code === "805801")!.rest,
    });
  });

  it("derives the mode from the description's words", () => {
    const expectedWords: Record<PayMode, RegExp> = {
      mpm: /Merchant Present|MPM/,
      cpm: /Consumer Present|CPM/,
      web: /Online/,
      wap: /WAP/i,
      jsapi: /JSAPI/,
      mini_program: /Mini-Program/,
      in_app: /in-APP|In-App/i,
      h5: /H5/,
    };
    for (const payType of PAY_TYPES) expect(payType.description, payType.code).toMatch(expectedWords[payType.mode]);
  });

  it("marks the agreed modes and pre-authorization codes", () => {
    expect(findPayType("801114")?.mode).toBe("web");
    for (const code of ["801112", "801512", "803712", "805612"]) expect(findPayType(code)?.mode).toBe("wap");
    expect(PAY_TYPES.filter((payType) => payType.preauth).map((payType) => payType.code)).toEqual(["801801", "801808", "801810", "801814"]);
    expect(findPayType("801808")?.mode).toBe("mpm");
    expect(findPayType("801814")?.mode).toBe("web");
    expect(findPayType("800201")).toMatchObject({ wallet: "wechat", mode: "mpm", expiredTime: true });
    expect(findPayType("802001")).toMatchObject({ wallet: "fps", expiredTime: false, regions: ["hk"] });
    expect(findPayType("999999")).toBeUndefined();
  });

  it("names a known wallet for every pay type, and keeps PayMe", () => {
    for (const payType of PAY_TYPES) expect(WALLETS[payType.wallet]?.id).toBe(payType.wallet);
    expect(WALLETS.payme.name).toBe("PayMe");
  });

  it("tells web checkouts how to present a pay type", () => {
    expect(checkoutModeOf(findPayType("800201")!)).toBe("qr");
    expect(checkoutModeOf(findPayType("801512")!)).toBe("redirect");
    expect(checkoutModeOf(findPayType("801114")!)).toBe("redirect");
    expect(checkoutModeOf(findPayType("800208")!)).toBeUndefined();
    expect(checkoutModeOf(findPayType("800207")!)).toBe("jsapi");
    expect(checkoutModeOf(findPayType("800213")!)).toBeUndefined();
    expect(checkoutModeOf("802001")).toBe("qr");
    expect(checkoutModeOf("805801")).toBe("qr");
  });
});

describe("status codes", () => {
  it("has every row of the Transaction Status Codes table with its message, then Japan's own codes", () => {
    const reference = rowsOf("Transaction Status Codes");
    const japan = rowsOf("Response codes (japan-business-api.txt)");
    expect(STATUS_CODES.map((row) => row.code)).toEqual([...reference, ...japan].map((row) => row.code));
    for (const row of reference) expect(statusCode(row.code).message).toBe(row.rest.replace(` (${row.code})`, ""));
    for (const row of japan) expect(statusCode(row.code)).toEqual({ code: row.code, message: row.rest, outcome: "failed" });
  });

  it("knows Japan's codes 1144, 2004, 2006 and 2007 as declines", () => {
    for (const code of ["1144", "2004", "2006", "2007"]) expect(statusCode(code).message).not.toMatch(/Unknown/);
    expect(statusCode("2004").message).toBe("Insufficient account balance");
  });

  it("classifies outcomes", () => {
    expect(statusCode("0000").outcome).toBe("succeeded");
    expect(STATUS_CODES.filter((row) => row.outcome === "in_progress").map((row) => row.code)).toEqual(["1143", "1145"]);
    for (const code of ["1100", "1205", "1252", "1254", "1295", "1296", "1298"]) expect(statusCode(code).outcome).toBe("retryable");
    for (const code of ["1297", "1108", "1181", "1265", "1269", "1270", "1271"]) expect(statusCode(code).outcome).toBe("failed");
  });

  it("reads an unknown code as a failure that names it", () => {
    expect(statusCode("4242")).toEqual({ code: "4242", message: "Unknown QFPay return code 4242", outcome: "failed" });
  });
});

describe("currencies", () => {
  it("has every row of the Currencies table", () => {
    const reference = rowsOf("Currencies");
    expect(CURRENCIES.map((currency) => [currency.code, currency.name])).toEqual(reference.map((row) => [row.code, row.rest]));
  });

  it("knows the minor-unit exponents, case-insensitively", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("idr")).toBe(0);
    expect(currencyExponent("hkd")).toBe(2);
    expect(currencyExponent("USD")).toBe(2);
    expect(findCurrency("sgd")?.name).toBe("Singapore Dollar");
  });

  it("throws a clear error on an unknown currency", () => {
    expect(() => currencyExponent("XYZ")).toThrow(UnknownCurrencyError);
    expect(() => currencyExponent("XYZ")).toThrow(/"XYZ" is not supported.*HKD/);
  });
});

describe("environments", () => {
  it("has every URL of the environments tables (the reference's and Japan's)", () => {
    const urls = ["Environments", "Environments (japan-business-api.txt)"].flatMap(referenceSection).flatMap((line) => line.match(/https:\/\/\S+/g) ?? []);
    expect(ENVIRONMENTS.map((environment) => environment.baseUrl).sort()).toEqual([...urls].sort());
  });

  it("names Japan's business API environments as Japan's", () => {
    expect(findEnvironment("jp-test")).toMatchObject({ kind: "test", baseUrl: "https://openapi-test.qfpay.com" });
    expect(findEnvironment("jp-business-prod")).toMatchObject({ kind: "production", baseUrl: "https://openapi.qfpay.com" });
    const japanese = ENVIRONMENTS.filter((environment) => environment.id.startsWith("jp-"));
    expect(japanese.every((environment) => environment.name.startsWith("Japan"))).toBe(true);
    expect(japanese.map((environment) => environment.kind).sort()).toEqual(["production", "production", "test"]);
  });

  it("resolves ids and explicit URLs", () => {
    expect(resolveBaseUrl("sandbox")).toBe("https://openapi-test.qfpay.com");
    expect(resolveBaseUrl("hk-test")).toBe("https://test-openapi-hk.qfapi.com");
    expect(resolveBaseUrl("HK-PROD")).toBe("https://openapi-hk.qfapi.com");
    expect(resolveBaseUrl("jp-prod")).toBe("https://openapi-jp.qfapi.com");
    expect(resolveBaseUrl("http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010");
    expect(resolveBaseUrl("https://example.test/qfpay/")).toBe("https://example.test/qfpay");
  });

  it("throws a clear error on anything else", () => {
    expect(() => resolveBaseUrl("mars-prod")).toThrow(UnknownEnvironmentError);
    expect(() => resolveBaseUrl("mars-prod")).toThrow(/known: sandbox, cn-test/);
    expect(() => resolveBaseUrl("http://")).toThrow(UnknownEnvironmentError);
  });
});
