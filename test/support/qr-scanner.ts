import { createRequire } from "node:module";
import type { Locator, Page } from "playwright-core";

const require = createRequire(import.meta.url);
const JSQR_BUNDLE = require.resolve("jsqr/dist/jsQR.js");

/**
 * "Scans" the QR code the widget shows, as a phone would: rasterises the rendered SVG in the page
 * and decodes the pixels with jsQR. Returns the text the code carries.
 */
export async function scanQr(page: Page, qrSvg: Locator): Promise<string> {
  const hasDecoder = await page.evaluate(() => typeof (window as unknown as { jsQR?: unknown }).jsQR === "function");
  if (!hasDecoder) await page.addScriptTag({ path: JSQR_BUNDLE });
  const text = await qrSvg.evaluate(async (svg: Element) => {
    type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    const decode = (window as unknown as { jsQR: JsQr }).jsQR;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    // Colours come from the widget's stylesheet; a detached image needs them inline.
    clone.querySelector(".qr-light")?.setAttribute("fill", "#ffffff");
    clone.querySelector(".qr-dark")?.setAttribute("fill", "#000000");
    const size = 600;
    const image = new Image(size, size);
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(clone));
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 0, 0, size, size);
    const pixels = context.getImageData(0, 0, size, size);
    return decode(pixels.data, size, size)?.data ?? null;
  });
  if (!text) throw new Error("The QR code on the page could not be decoded");
  return text;
}
