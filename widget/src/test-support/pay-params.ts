/** The pay_params a JSAPI session answers with (what QFPay hands over for WeChat's sheet). */
export const STAND_IN_PAY_PARAMS = {
  appId: "wx2421b1c4370ec43b",
  timeStamp: "1395712654",
  nonceStr: "e61463f8efa94090b1f366cccfbbb444",
  package: "prepay_id=u802345jgfjsdfgsdg888",
  signType: "MD5",
  paySign: "70EA570631E4BB79628FBCA90534C63FF7FADD89",
};
