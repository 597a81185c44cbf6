import { describe, expect, it } from "vitest";
import { wechatCashierUrl } from "./wechat-cashier.js";

const payParams = {
  appId: "wx2421b1c4370ec43b",
  timeStamp: "1395712654",
  nonceStr: "e61463f8efa94090b1f366cccfbbb444",
  package: "prepay_id=u802345jgfjsdfgsdg888",
  signType: "MD5",
  paySign: "70EA570631E4BB79628FBCA90534C63FF7FADD89",
};

describe("QFPay's WeChat cashier (/q/direct)", () => {
  it("carries the reference's parameters, pay_params unchanged", () => {
    const url = new URL(
      wechatCashierUrl({ payParams, txamt: 26800, currency: "hkd", merchantName: "Pet Shop 寵物店", redirectUrl: "https://shop.example/done?cart=1" }),
    );
    expect(url.origin + url.pathname).toBe("https://o2.qfpay.com/q/direct");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      mchntnm: "Pet Shop 寵物店",
      txamt: "26800",
      currency: "HKD",
      redirect_url: "https://shop.example/done?cart=1",
      ...payParams,
    });
  });

  it("uses Thailand's host there, and refuses a redirect that is not http(s)", () => {
    expect(wechatCashierUrl({ payParams, txamt: 1, currency: "THB", merchantName: "x", redirectUrl: "https://a.example/", region: "th" })).toMatch(
      /^https:\/\/o2-th\.qfapi\.com\/q\/direct\?/,
    );
    expect(() => wechatCashierUrl({ payParams, txamt: 1, currency: "THB", merchantName: "x", redirectUrl: "javascript:1" })).toThrow(TypeError);
  });
});
