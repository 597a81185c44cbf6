// The qrcode package's encoder alone (its renderers and Node parts stay out of the bundle).
declare module "qrcode/lib/core/qrcode.js" {
  export interface QrModules {
    size: number;
    data: Uint8Array;
    get(row: number, col: number): number | boolean;
  }
  export interface QrSymbol {
    modules: QrModules;
    version: number;
  }
  export interface QrSegment {
    data: string;
    mode: "byte" | "alphanumeric" | "numeric" | "kanji";
  }
  export function create(
    data: string | QrSegment[],
    options?: { errorCorrectionLevel?: "L" | "M" | "Q" | "H"; version?: number },
  ): QrSymbol;
}
