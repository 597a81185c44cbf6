import { describe, expect, it } from "vitest";
import { deviceClassOf, devicesOf, orderForDevice, worksOnDevice } from "./devices.js";
import { findPayType, type PayType } from "./pay-types.js";

const payTypes = (...codes: string[]): PayType[] => codes.map((code) => findPayType(code)!);
const codes = (list: readonly PayType[]) => list.map((payType) => payType.code);

describe("pay types for the device", () => {
  it("puts the wallet's WAP or web page first on a phone, the QR code first on a computer", () => {
    const offered = payTypes("800201", "801501", "801512", "802001", "803701", "803712", "801114", "801112");
    expect(codes(orderForDevice(offered, "phone"))).toEqual(["801512", "803712", "801112", "801114", "800201", "801501", "802001", "803701"]);
    expect(codes(orderForDevice(offered, "desktop"))).toEqual(["800201", "801501", "802001", "803701", "801114", "801512", "803712", "801112"]);
  });

  it("ranks GoPay's WAP and GrabPay's online page above their QR codes on a phone", () => {
    expect(codes(orderForDevice(payTypes("805601", "805612"), "phone"))).toEqual(["805612", "805601"]);
    expect(codes(orderForDevice(payTypes("804201", "804214"), "phone"))).toEqual(["804214", "804201"]);
  });

  it("offers WeChat Pay JSAPI only inside WeChat, and no Alipay there", () => {
    const jsapi = findPayType("800207")!;
    expect(devicesOf(jsapi)).toEqual(["wechat"]);
    expect(codes(orderForDevice(payTypes("800201", "800207"), "wechat"))).toEqual(["800207", "800201"]);
    expect(worksOnDevice(findPayType("801512")!, "wechat")).toBe(false);
    expect(worksOnDevice(findPayType("801512")!, "desktop")).toBe(false);
    expect(devicesOf(findPayType("802001")!)).toEqual(["desktop", "phone", "wechat"]);
    expect(devicesOf(findPayType("800208")!)).toEqual([]);
  });

  it("reads the device class from the User-Agent", () => {
    const wechat =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_HK";
    expect(deviceClassOf(wechat)).toBe("wechat");
    expect(deviceClassOf("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")).toBe("phone");
    expect(deviceClassOf("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15")).toBe("desktop");
    expect(deviceClassOf(undefined)).toBe("desktop");
  });
});
