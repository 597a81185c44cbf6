import { formatTxdtm } from "@qfpay-medusa/shared";

/**
 * QFPay transaction numbers look like "20191225000200020060996533": the date (UTC+8), then 18 digits.
 * A random start keeps numbers of sandboxes started in one test run apart.
 */
export function syssnGenerator(clock: () => Date): () => string {
  let counter = Math.floor(Math.random() * 1e9);
  return () => {
    counter += 1;
    const day = formatTxdtm(clock(), "+0800").slice(0, 10).replaceAll("-", "");
    return `${day}0002${String(counter).padStart(14, "0")}`;
  };
}
