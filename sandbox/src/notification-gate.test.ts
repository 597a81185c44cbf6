import { describe, expect, it } from "vitest";
import {
  call,
  controlCall,
  createPayment,
  MERCHANT,
  paidPayment,
  startReceiver,
  startTestSandbox,
  txdtm,
  uniqueNo,
  until,
  useSandboxWithReceiver,
} from "./test-support.js";
import type { Sandbox } from "./types.js";

const env = useSandboxWithReceiver({ perTest: true });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const receivedSyssns = () => env.receiver.received.map((notification) => JSON.parse(notification.body).syssn as string);
const paidInOrder = async (sandbox: Sandbox, count: number) => {
  const syssns: string[] = [];
  for (let i = 0; i < count; i++) syssns.push((await paidPayment(sandbox)).syssn);
  return syssns;
};

describe("pausing notifications", () => {
  it("holds the notifications that fall due, in order, and sends them on resume one after the other", async () => {
    const { sandbox, receiver } = env;
    sandbox.control.pauseNotifications();
    const syssns = await paidInOrder(sandbox, 3);
    await pause(100);
    expect(receiver.received).toEqual([]);
    const state = sandbox.control.notificationState();
    expect(state).toMatchObject({ enabled: true, paused: true });
    expect(state.held.map((held) => [held.syssn, held.notifyType, held.attempt])).toEqual(syssns.map((syssn) => [syssn, "payment", 1]));
    expect(sandbox.ledger().every((entry) => entry.state === "succeeded")).toBe(true);
    expect(await sandbox.control.resumeNotifications()).toBe(3);
    expect(receivedSyssns()).toEqual(syssns);
    expect(sandbox.control.notificationState()).toMatchObject({ paused: false, held: [] });
  });

  it("holds retries too", async () => {
    const receiver = await startReceiver([
      { status: 500, body: "no" },
      { status: 200, body: "SUCCESS" },
    ]);
    const sandbox = await startTestSandbox({ notifyTimeScale: 0.001 }); // first retry after 120 ms
    try {
      sandbox.setNotifyUrl(MERCHANT.appCode, receiver.url);
      const { syssn } = await paidPayment(sandbox);
      await receiver.waitFor(1);
      sandbox.control.pauseNotifications();
      await until(() => sandbox.control.notificationState().held.length === 1);
      expect(sandbox.control.notificationState().held[0]).toMatchObject({ syssn, attempt: 2 });
      expect(await sandbox.control.resumeNotifications()).toBe(1);
      expect(receiver.received).toHaveLength(2);
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });

  it("holds both copies under duplicateNotifications", async () => {
    const { sandbox, receiver } = env;
    sandbox.control.faults.set({ duplicateNotifications: true });
    sandbox.control.pauseNotifications();
    const { syssn } = await paidPayment(sandbox);
    expect(sandbox.control.notificationState().held.map((held) => held.syssn)).toEqual([syssn, syssn]);
    await sandbox.control.resumeNotifications();
    expect(receiver.received).toHaveLength(2);
  });

  it("releases one order's notifications (by syssn or out_trade_no) while the others stay held", async () => {
    const { sandbox } = env;
    sandbox.control.pauseNotifications();
    const [first, second] = [await paidPayment(sandbox), await paidPayment(sandbox)];
    await call(sandbox, "/trade/v1/refund", { syssn: first!.syssn, out_trade_no: uniqueNo("R"), txamt: "1", txdtm: txdtm() });
    expect(await sandbox.control.releaseNotification(second!.outTradeNo)).toBe(1);
    expect(receivedSyssns()).toEqual([second!.syssn]);
    expect(await sandbox.control.releaseNotification(first!.syssn)).toBe(1); // the payment; its refund has a syssn of its own
    expect(sandbox.control.notificationState().held.map((held) => held.notifyType)).toEqual(["refund"]);
    expect(await sandbox.control.resumeNotifications()).toBe(1);
    expect(env.receiver.received).toHaveLength(3);
  });
});

describe("switching notifications off", () => {
  it("sends nothing, as without a notify URL at QFPay, while the ledger still changes; held ones are dropped", async () => {
    const { sandbox, receiver } = env;
    sandbox.control.pauseNotifications();
    await paidPayment(sandbox);
    expect(sandbox.control.notificationsEnabled(false)).toBe(false);
    const { syssn } = await paidPayment(sandbox);
    await sandbox.control.resumeNotifications();
    await pause(100);
    expect(receiver.received).toEqual([]);
    expect(sandbox.control.notifications()).toEqual([]);
    expect(sandbox.ledger().find((entry) => entry.syssn === syssn)?.state).toBe("succeeded");
    expect(sandbox.control.notificationsEnabled(true)).toBe(true);
    expect(sandbox.control.notificationsEnabled()).toBe(true);
    await paidPayment(sandbox);
    await receiver.waitFor(1);
  });
});

describe("notification control over HTTP", () => {
  it("pause, state, release, resume and enabled under /__sandbox/notifications", async () => {
    const { sandbox } = env;
    expect((await controlCall(sandbox, "POST", "/notifications/pause")).status).toBe(200);
    const a = await paidPayment(sandbox);
    const b = await createPayment(sandbox);
    sandbox.control.pay(b.syssn);
    expect((await controlCall(sandbox, "GET", "/notifications/state")).json.held.map((held: { syssn: string }) => held.syssn)).toEqual([a.syssn, b.syssn]);
    expect((await controlCall(sandbox, "POST", "/notifications/release", { id: b.syssn })).json).toEqual({ sent: 1 });
    expect((await controlCall(sandbox, "POST", "/notifications/resume")).json).toEqual({ sent: 1 });
    expect(receivedSyssns()).toEqual([b.syssn, a.syssn]);
    expect((await controlCall(sandbox, "POST", "/notifications/enabled", { enabled: false })).json).toEqual({ enabled: false });
    expect((await controlCall(sandbox, "POST", "/notifications/enabled", { enabled: "no" })).status).toBe(400);
    expect((await controlCall(sandbox, "POST", "/notifications/release", {})).status).toBe(400);
    expect(sandbox.control.notificationState()).toMatchObject({ enabled: false, paused: false });
  });
});
