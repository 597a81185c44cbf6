/** Where a person "scans" an order: `/wallet/qr/<syssn>` for QR codes, `/wallet/web/<syssn>` for pay_url pages. */
export type WalletFlavor = "qr" | "web";

export function walletUrl(publicUrl: string, flavor: WalletFlavor, syssn: string): string {
  return `${publicUrl}/wallet/${flavor}/${encodeURIComponent(syssn)}`;
}
