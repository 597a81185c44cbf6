import { create } from "qrcode/lib/core/qrcode.js";

/** The light border every QR code needs around it to be read, in modules (ISO/IEC 18004). */
export const QUIET_ZONE_MODULES = 4;

export interface QrSvgGeometry {
  /** Width and height of the whole picture in modules, quiet zone included (the SVG viewBox). */
  size: number;
  /** One SVG path drawing every dark module, one run of modules per sub-path. */
  path: string;
}

/**
 * Encodes `text` at error correction level M (the only level bundled, see build/qrcode-lean.ts) and draws its dark modules as a single SVG path. Horizontal runs are merged,
 * which keeps the path short (a typical payment URL gives 2-3 kB of path).
 */
export function qrSvgGeometry(text: string): QrSvgGeometry {
  // `[text]`: one segment in the densest single mode that holds the whole text (numeric, alphanumeric or bytes).
  const { modules } = create([text], { errorCorrectionLevel: "M" });
  const count = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE_MODULES, path: parts.join("") };
}
