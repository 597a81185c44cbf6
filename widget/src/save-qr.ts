import type { QrSvgGeometry } from "./qr-svg.js";

/**
 * Saves the QR as a PNG, for wallets that scan from the photo library (paying on the same phone).
 * Its own chunk: loaded when the shopper asks for the image.
 */
export async function saveQrImage({ size, path }: QrSvgGeometry, walletId: string): Promise<void> {
  const scale = 12;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size * scale;
  const context = canvas.getContext("2d");
  if (context === null) return;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.fillStyle = "#000000";
  context.fill(new Path2D(path));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob === null) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `qfpay-${walletId}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
}
