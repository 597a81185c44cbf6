import { describe, expect, it } from "vitest";
import { fakeQuery } from "../test-support/fake-query";
import { loadOrderPayments } from "./order-payments";

describe("loadOrderPayments", () => {
  it("loads an order's payments across payment collections", async () => {
    const query = fakeQuery((config) => {
      expect(config).toMatchObject({ entity: "order", filters: { id: "order_1" } });
      return [
        {
          id: "order_1",
          display_id: 7,
          payment_collections: [{ payments: [{ id: "pay_1", provider_id: "pp_qfpay_qfpay", data: { out_trade_no: "payses_01ABC|p|2" } }] }, { payments: null }],
        },
      ];
    });
    const order = await loadOrderPayments(query, "order_1");
    expect(order).toMatchObject({ id: "order_1", display_id: 7, payments: [{ id: "pay_1" }] });
    expect(
      await loadOrderPayments(
        fakeQuery(() => []),
        "order_x",
      ),
    ).toBeUndefined();
  });
});
