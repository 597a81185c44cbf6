import { create } from "qrcode/lib/core/qrcode.js";
import { describe, expect, it } from "vitest";
import { QUIET_ZONE_MODULES, qrSvgGeometry } from "./qr-svg.js";
import { decodeSvgQr } from "./test-support/decode-qr.js";

function standaloneSvg(text: string): SVGSVGElement {
  const { size, path } = qrSvgGeometry(text);
  const holder = document.createElement("div");
  holder.innerHTML = `<svg viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect fill="#fff" width="${size}" height="${size}"/><path fill="#000" d="${path}"/></svg>`;
  document.body.append(holder);
  return holder.querySelector("svg")!;
}

describe("qrSvgGeometry", () => {
  it.each([
    "http://127.0.0.1:4010/wallet/qr/20260101000100020001234567",
    "weixin://wxpay/bizpayurl?pr=AbCdEfGhIjK",
    "https://qr.alipay.com/bax01234xyzabcdefghijklmnopqrstuvwxyz0123456789",
    "00020101021226870016A000000001",
    "00020101021126370016A000000677010111011300668123456785802TH53037646304ABCD",
    "4912345678901234",
    "支付寶 HK$ 99.50 ✓",
  ])("draws a code that decodes back to %s", async (text) => {
    expect(await decodeSvgQr(standaloneSvg(text))).toBe(text);
  });

  it("leaves a light quiet zone of 4 modules on every side", () => {
    const { size, path } = qrSvgGeometry("https://example.com/pay/1");
    const coordinates = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number) as [number, number, number]);
    expect(coordinates.length).toBeGreaterThan(0);
    const minX = Math.min(...coordinates.map(([x]) => x));
    const minY = Math.min(...coordinates.map(([, y]) => y));
    const maxX = Math.max(...coordinates.map(([x, , run]) => x + run));
    const maxY = Math.max(...coordinates.map(([, y]) => y + 1));
    expect([minX, minY, size - maxX, size - maxY]).toEqual([4, 4, 4, 4].map(() => QUIET_ZONE_MODULES));
  });

  it("runs on the lean encoder the bundle ships (no mixed-mode optimiser)", () => {
    // The full library would split this text into optimal segments; the lean one has no splitter.
    expect(() => create("abc123")).toThrow(/no mixed-mode optimiser/);
    expect(() => create("abc123", { errorCorrectionLevel: "H" })).toThrow();
    expect(create(["abc123"], { errorCorrectionLevel: "M" }).modules.size).toBe(21);
  });

  it("draws each text in the densest single mode that holds it", () => {
    // At level M, 30 digits fit version 1 (numeric mode), 30 upper-case characters version 2 (alphanumeric),
    // 30 lower-case ones only version 3 (bytes). Sizes include the 2 × 4-module quiet zone.
    expect(qrSvgGeometry("1".repeat(30)).size).toBe(21 + 8);
    expect(qrSvgGeometry("A".repeat(30)).size).toBe(25 + 8);
    expect(qrSvgGeometry("a".repeat(30)).size).toBe(29 + 8);
    // An EMVCo payload in alphanumeric mode fits a smaller symbol than the same text as bytes would.
    const emv = "00020101021126370016A000000677010111011300668123456785802TH53037646304ABCD";
    expect(qrSvgGeometry(emv).size).toBeLessThan(qrSvgGeometry(emv.toLowerCase()).size);
  });

  it("grows with the text (QR versions)", () => {
    expect(qrSvgGeometry("short").size).toBeLessThan(qrSvgGeometry("x".repeat(200)).size);
  });
});
