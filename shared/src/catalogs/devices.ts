import type { PayMode, PayType, WalletId } from "./pay-types.js";

/** Where the shopper pays: a computer, a phone's browser, or WeChat's own browser on a phone. */
export const DEVICE_CLASSES = ["desktop", "phone", "wechat"] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/**
 * Rank of each web-checkout mode per device (1 = first choice); a missing entry means it does not work there.
 * On a computer the QR code is scanned with a phone; a phone is best sent to the wallet's WAP or web page
 * (the app opens from it), and a QR code is the fallback (saved, or opened from its link); inside WeChat only
 * WeChat Pay's JSAPI sheet needs no second device.
 */
const RANKS: Readonly<Record<DeviceClass, Partial<Record<PayMode, number>>>> = {
  desktop: { mpm: 1, web: 2 },
  phone: { wap: 1, web: 2, mpm: 3 },
  wechat: { jsapi: 1, wap: 2, web: 3, mpm: 4 },
};

/** WeChat's browser does not open Alipay's pages or app links, so Alipay is not offered inside WeChat. */
const BLOCKED_IN_WECHAT: ReadonlySet<WalletId> = new Set(["alipay", "alipay_hk"]);

/** How well the pay type suits the device: its rank (1 = best), or undefined when it does not work there. */
export function deviceRank(payType: PayType, device: DeviceClass): number | undefined {
  if (device === "wechat" && BLOCKED_IN_WECHAT.has(payType.wallet)) return undefined;
  return RANKS[device][payType.mode];
}

export function worksOnDevice(payType: PayType, device: DeviceClass): boolean {
  return deviceRank(payType, device) !== undefined;
}

/** The devices a pay type works on. */
export function devicesOf(payType: PayType): DeviceClass[] {
  return DEVICE_CLASSES.filter((device) => worksOnDevice(payType, device));
}

/**
 * The pay types ordered for the device: those that work there first, best rank first; ties and the rest
 * keep the order given (the merchant's).
 */
export function orderForDevice<T extends PayType>(payTypes: readonly T[], device: DeviceClass): T[] {
  const rank = (payType: T) => deviceRank(payType, device) ?? Number.POSITIVE_INFINITY;
  return payTypes
    .map((payType, index) => ({ payType, index }))
    .sort((a, b) => rank(a.payType) - rank(b.payType) || a.index - b.index)
    .map(({ payType }) => payType);
}

/** The device class a browser's User-Agent names. */
export function deviceClassOf(userAgent: string | undefined): DeviceClass {
  const agent = userAgent ?? "";
  if (/MicroMessenger/i.test(agent)) return "wechat";
  if (/Mobi|Android|iPhone|iPad|iPod|HarmonyOS/i.test(agent)) return "phone";
  return "desktop";
}

export function isDeviceClass(value: unknown): value is DeviceClass {
  return typeof value === "string" && (DEVICE_CLASSES as readonly string[]).includes(value);
}
