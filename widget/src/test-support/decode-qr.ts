import jsQR from "jsqr";

/**
 * Reads a QR code back from an SVG as the shopper sees it: the fills the page's CSS computed are
 * copied onto a standalone clone, which is rasterised on a canvas and decoded with jsQR.
 */
export async function decodeSvgQr(svg: SVGSVGElement, pixels = 480): Promise<string | null> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const shapes = svg.querySelectorAll<SVGGraphicsElement>("rect, path");
  clone.querySelectorAll<SVGGraphicsElement>("rect, path").forEach((shape, index) => {
    shape.setAttribute("fill", getComputedStyle(shapes[index]!).fill);
  });
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(pixels));
  clone.setAttribute("height", String(pixels));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = pixels;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    context.drawImage(image, 0, 0, pixels, pixels);
    const { data } = context.getImageData(0, 0, pixels, pixels);
    return jsQR(data, pixels, pixels, { inversionAttempts: "dontInvert" })?.data ?? null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
