import { describe, expect, it } from "vitest";
import { parseOriginList, safeRedirectUrl } from "./redirect-guard.js";

describe("safeRedirectUrl", () => {
  it("allows any https URL", () => {
    expect(safeRedirectUrl("https://openapi.alipay.com/gateway.do?x=1")?.href).toBe("https://openapi.alipay.com/gateway.do?x=1");
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "blob:https://example.com/uuid",
    "file:///etc/passwd",
    "ftp://example.com/",
    "//evil.example/pay",
    "/relative/path",
    "not a url",
    "https://user:pass@wallet.example.com/",
  ])("refuses %s", (candidate) => {
    expect(safeRedirectUrl(candidate, ["http://127.0.0.1:4010"])).toBeNull();
  });

  it("allows http only on an origin the page listed", () => {
    const sandbox = "http://127.0.0.1:4010/wallet/web/123";
    expect(safeRedirectUrl(sandbox)).toBeNull();
    expect(safeRedirectUrl(sandbox, ["http://127.0.0.1:4010"])?.href).toBe(sandbox);
    expect(safeRedirectUrl(sandbox, ["http://127.0.0.1:4011"])).toBeNull();
    expect(safeRedirectUrl("http://127.0.0.1:4010.evil.example/x", ["http://127.0.0.1:4010"])).toBeNull();
  });

  it("reads origin lists separated by spaces or commas", () => {
    expect(parseOriginList(" http://a.test,http://b.test  http://c.test ")).toEqual(["http://a.test", "http://b.test", "http://c.test"]);
    expect(parseOriginList(null)).toEqual([]);
  });
});
