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
  export function create(data: string | string[], options?: { errorCorrectionLevel?: "L" | "M" | "Q" | "H"; version?: number }): QrSymbol;
}
