import { describe, expect, it } from "vitest";
import { qfpayPaymentViews } from "./build-order-view";

const qfpayData = {
  session_id: "payses_01ABC",
  attempt: 2,
  pay_type: "801808",
  wallet: "alipay",
  mode: "qr",
  preauth: true,
  syssn: "20260101000100020000000001",
  out_trade_no: "payses_01ABC|p|2",
  amount: 41999,
  currency_code: "hkd",
  created_at: "2026-01-01T00:00:00.000Z",
  expires_at: "2026-01-01T00:15:00.000Z",
  state: "paid",
  capture: { out_trade_no: "payses_01ABC|c|2", syssn: "20260101000100020000000002", amount: 41999, captured_at: "2026-01-01T00:05:00.000Z" },
  refunds: [
    {
      out_trade_no: "payses_01ABC|r1|2",
      orig_syssn: "20260101000100020000000002",
      amount: 1000,
      status: "succeeded",
      requested_at: "2026-01-01T00:06:00.000Z",
    },
  ],
  note: "Order #7",
};

describe("order payments for the admin", () => {
  it("shows QFPay payments only, with public ids, status, capture and refunds", () => {
    const views = qfpayPaymentViews([
      { id: "pay_1", provider_id: "pp_qfpay_qfpay", data: qfpayData },
      { id: "pay_2", provider_id: "pp_system_default", data: {} },
      { id: "pay_3", provider_id: "pp_qfpay_qfpay", data: { broken: true } },
    ]);
    expect(views).toEqual([
      expect.objectContaining({
        payment_id: "pay_1",
        wallet: "alipay",
        wallet_name: "Alipay",
        pay_type: "801808",
        syssn: qfpayData.syssn,
        out_trade_no: qfpayData.out_trade_no,
        status: "paid",
        refunded: 1000,
        note: "Order #7",
      }),
    ]);
    expect(views[0]!.capture?.syssn).toBe(qfpayData.capture.syssn);
    expect(views[0]!.refunds).toHaveLength(1);
  });

  it("names each state as the admin reads it: a frozen pre-authorization is authorized, the rest by their state", () => {
    const statusOf = (state: string) => qfpayPaymentViews([{ id: "pay_1", provider_id: "pp_qfpay_qfpay", data: { ...qfpayData, state } }])[0]?.status;
    expect(statusOf("frozen")).toBe("authorized (frozen)");
    expect(statusOf("paid")).toBe("paid");
    for (const state of ["pending", "processing", "failed", "expired", "canceled"]) expect(statusOf(state)).toBe(state);
  });
});
