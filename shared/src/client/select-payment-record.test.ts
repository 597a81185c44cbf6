import { describe, expect, it } from "vitest";
import { queryResponseSchema } from "../schemas/query.js";
import { selectPaymentRecord } from "./select-payment-record.js";

const record = (order_type: string, respcd: string, syssn: string, sysdtm: string) => ({
  order_type,
  respcd,
  syssn,
  sysdtm,
  txamt: "100",
  txcurrcd: "HKD",
  out_trade_no: "a|p|1",
});
const query = (...data: ReturnType<typeof record>[]) => queryResponseSchema.parse({ respcd: "0000", data });

describe("selectPaymentRecord", () => {
  it("picks the payment among refunds and closes", () => {
    const selection = selectPaymentRecord(
      query(
        record("refund", "0000", "3", "2024-01-01 10:05:00"),
        record("payment", "0000", "1", "2024-01-01 10:00:00"),
        record("close", "0000", "2", "2024-01-01 10:01:00"),
      ),
    );
    expect(selection.record?.syssn).toBe("1");
    expect(selection.outcome).toBe("succeeded");
    expect(selection.payments).toHaveLength(1);
    expect(selection.multipleSucceeded).toBe(false);
  });

  it("prefers the successful payment, else the latest one", () => {
    expect(
      selectPaymentRecord(query(record("payment", "1143", "1", "2024-01-01 10:00:00"), record("payment", "1145", "2", "2024-01-01 10:02:00"))).record?.syssn,
    ).toBe("2");
    expect(
      selectPaymentRecord(query(record("payment", "0000", "1", "2024-01-01 10:00:00"), record("payment", "1181", "2", "2024-01-01 10:02:00"))).record?.syssn,
    ).toBe("1");
    expect(selectPaymentRecord(query(record("payment", "1143", "1", "2024-01-01 10:00:00"))).outcome).toBe("in_progress");
  });

  it("flags two successful payments for one number", () => {
    const selection = selectPaymentRecord(query(record("payment", "0000", "1", "2024-01-01 10:00:00"), record("payment", "0000", "2", "2024-01-01 10:02:00")));
    expect(selection.multipleSucceeded).toBe(true);
    expect(selection.payments).toHaveLength(2);
  });

  it("finds nothing in an empty or refund-only answer", () => {
    expect(selectPaymentRecord(query())).toEqual({ record: undefined, payments: [], outcome: undefined, multipleSucceeded: false });
    expect(selectPaymentRecord(query(record("refund", "0000", "3", "2024-01-01 10:05:00"))).record).toBeUndefined();
  });
});
