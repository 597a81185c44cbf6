/**
 * The QFPay pay types the demo store offers, per currency (one currency per region): in Hong Kong every wallet a
 * web shop can take there, in Singapore the ones that settle in SGD or cross borders. The provider's `payTypes`
 * option is built from this table (medusa-config.ts); the storefront asks the plugin
 * (`GET /store/qfpay/pay-types?cart_id=…`), which keeps each cart to its currency and orders them for the device.
 * Codes are QFPay's `pay_type`s from the shared catalog.
 */
export const DEMO_PAY_TYPES_BY_CURRENCY: Readonly<Record<string, readonly string[]>> = {
  HKD: [
    "800201", // WeChat Pay QR
    "800207", // WeChat Pay inside WeChat (JSAPI)
    "801501", // AlipayHK QR
    "801512", // AlipayHK mobile page (WAP, on phones)
    "802001", // FPS QR
    "805801", // PayMe QR
    "803701", // Octopus QR
    "803712", // Octopus mobile page (WAP, on phones)
    "800701", // UnionPay QuickPass QR
    "801114", // Alipay online (redirect)
    "801112", // Alipay mobile page (WAP, on phones)
    "801808", // Alipay pre-authorization QR (freeze now, capture later)
  ],
  SGD: [
    "800201", // WeChat Pay QR
    "800207", // WeChat Pay inside WeChat (JSAPI)
    "802301", // PayNow QR
    "804201", // GrabPay QR
    "804214", // GrabPay online (redirect)
    "801114", // Alipay online (redirect)
  ],
};

/** The provider's `payTypes` option built from the table above. */
export function demoPayTypesOption(): {
  default: string;
  byCurrency: Record<string, string>;
  allowed: string[];
  storefrontMayChoose: true;
} {
  const byCurrency = Object.fromEntries(Object.entries(DEMO_PAY_TYPES_BY_CURRENCY).map(([currency, codes]) => [currency, codes[0]!]));
  const allowed = [...new Set(Object.values(DEMO_PAY_TYPES_BY_CURRENCY).flat())];
  return { default: "800201", byCurrency, allowed, storefrontMayChoose: true };
}
