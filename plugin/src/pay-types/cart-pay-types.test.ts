import { describe, expect, it } from "vitest";
import { cartPayTypes, merchantRegionOf, payTypesAnswer, type PayTypeOptions } from "./cart-pay-types";

const choose = (allowed: string[]): PayTypeOptions => ({ default: "800201", byCurrency: {}, allowed, storefrontMayChoose: true });
const codes = (input: Parameters<typeof cartPayTypes>[0]) => cartPayTypes(input).offered.map((payType) => payType.code);

describe("the pay types of a cart", () => {
  const hkWallets = choose(["800201", "801501", "801512", "802001", "805801", "803701", "803712", "802301"]);

  it("never offers FPS, PayMe or Octopus on an SGD cart, nor PayNow on an HKD one", () => {
    expect(codes({ payTypes: hkWallets, currency: "sgd", merchantRegion: undefined, device: "desktop" })).toEqual(["800201", "802301"]);
    expect(codes({ payTypes: hkWallets, currency: "hkd", merchantRegion: undefined, device: "desktop" })).not.toContain("802301");
  });

  it("keeps to the merchant's region", () => {
    expect(codes({ payTypes: hkWallets, currency: "hkd", merchantRegion: "sg", device: "desktop" })).toEqual(["800201"]);
  });

  it("puts the device's best choice first", () => {
    expect(codes({ payTypes: hkWallets, currency: "hkd", merchantRegion: "hk", device: "phone" }).slice(0, 2)).toEqual(["801512", "803712"]);
    expect(codes({ payTypes: hkWallets, currency: "hkd", merchantRegion: "hk", device: "desktop" })[0]).toBe("800201");
  });

  it("offers only the server's pay type for the currency when the storefront may not choose", () => {
    const payTypes: PayTypeOptions = { default: "800201", byCurrency: { HKD: "802001" }, storefrontMayChoose: false };
    expect(codes({ payTypes, currency: "hkd", merchantRegion: "hk", device: "desktop" })).toEqual(["802001"]);
    expect(codes({ payTypes, currency: "sgd", merchantRegion: undefined, device: "desktop" })).toEqual(["800201"]);
    const fpsEverywhere: PayTypeOptions = { default: "802001", byCurrency: {}, storefrontMayChoose: false };
    expect(cartPayTypes({ payTypes: fpsEverywhere, currency: "sgd", merchantRegion: undefined, device: "desktop" })).toEqual({
      offered: [],
      defaultPayType: undefined,
    });
  });
});

describe("the route's answer", () => {
  it("describes each pay type: wallet, name, mode, device fit, refunds", () => {
    const answer = payTypesAnswer({
      payTypes: choose(["800201", "801512", "805801", "800207"]),
      currency: "HKD",
      merchantRegion: "hk",
      device: "desktop",
      cartId: "cart_1",
      providerId: "pp_qfpay_qfpay",
    });
    expect(answer).toMatchObject({ cart_id: "cart_1", currency_code: "hkd", device: "desktop", provider_id: "pp_qfpay_qfpay" });
    expect(answer.default_pay_type).toBe("800201");
    expect(answer.pay_types.map((entry) => [entry.pay_type, entry.fits_device])).toEqual([
      ["800201", true],
      ["805801", true],
      ["801512", false],
      ["800207", false],
    ]);
    expect(answer.pay_types[1]).toEqual({
      pay_type: "805801",
      wallet: "payme",
      name: "PayMe",
      mode: "qr",
      pay_mode: "mpm",
      preauth: false,
      fits_device: true,
      devices: ["desktop", "phone", "wechat"],
      refunds: "unstated",
    });
    expect(answer.pay_types[0]!.refunds).toBe("partial");
    expect(answer.pay_types[3]).toMatchObject({ mode: "jsapi", devices: ["wechat"] });
  });

  it("offers nothing when the cart's region has no QFPay provider", () => {
    const answer = payTypesAnswer({
      payTypes: choose(["800201"]),
      currency: "HKD",
      merchantRegion: undefined,
      device: "phone",
      cartId: "cart_2",
      providerId: null,
    });
    expect(answer.pay_types).toEqual([]);
    expect(answer.default_pay_type).toBeNull();
  });

  it("reads the merchant region from the environment option", () => {
    expect(merchantRegionOf("hk-prod")).toBe("hk");
    expect(merchantRegionOf({ region: "sg" })).toBe("sg");
    expect(merchantRegionOf("sandbox")).toBeUndefined();
    expect(merchantRegionOf(undefined)).toBeUndefined();
  });
});
