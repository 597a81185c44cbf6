import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeSvgQr } from "../test-support/decode-qr.js";
import { checkoutAttributes, cleanup, find, mount, shadow, textOf, waitForText } from "../test-support/mount.js";
import { eventually } from "../test-support/real-time.js";
import { sessionStats, setSession, uniqueSessionId } from "../test-support/stand-in.js";
import { crossesAnnouncement } from "./countdown.js";

describe("crossesAnnouncement", () => {
  it.each([
    [61, 60, true],
    [121, 118, true],
    [59, 58, false],
    [31, 30, true],
    [11, 10, true],
    [12, 11, false],
    [5, 4, false],
    [60, 60, false],
  ])("%i s → %i s: %s", (from, to, expected) => {
    expect(crossesAnnouncement(from, to)).toBe(expected);
  });
});

describe("<qfpay-checkout> countdown", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  const timerText = (el: HTMLElement) => shadow(el).querySelector("[role=timer]")?.textContent?.trim();
  const progress = (el: HTMLElement) => shadow(el).querySelector<HTMLProgressElement>("progress")!;
  const liveRegion = (el: HTMLElement) => shadow(el).querySelector("[aria-live=polite]")!.textContent!.trim();

  it("counts down by the server's clock, not the device's", async () => {
    const id = uniqueSessionId("skew");
    // The server's clock is an hour ahead of this device: the code still has 2 minutes.
    await setSession(id, { clock_skew_ms: 3_600_000, ttl_seconds: 120 });
    // No poll within the 30 s moved below: each answer re-synchronises to the server's (real) clock.
    const { el } = await mount(checkoutAttributes(id, { "poll-interval": "60000" }));
    await find(el, "[role=timer]");
    expect(timerText(el)).toBe("2:00");
    expect([progress(el).max, progress(el).value]).toEqual([120, 120]);
    expect(progress(el).getAttribute("aria-valuetext")).toBe("2 minutes left to pay");
    expect(shadow(el).querySelector("[role=timer]")!.getAttribute("aria-labelledby")).toBe("time-left-label");

    await vi.advanceTimersByTimeAsync(30_000);
    await eventually(() => expect(timerText(el)).toBe("1:30"));
    expect(progress(el).value).toBe(90);
  });

  it("announces the time left only at whole minutes, 30 s and 10 s", async () => {
    const id = uniqueSessionId("announce");
    await setSession(id, { ttl_seconds: 65 });
    const { el } = await mount(checkoutAttributes(id, { "poll-interval": "60000" }));
    await find(el, "[role=timer]");
    expect(liveRegion(el)).toBe("Waiting for your payment…");
    await vi.advanceTimersByTimeAsync(3_000);
    expect(liveRegion(el)).toBe("Waiting for your payment…");
    await vi.advanceTimersByTimeAsync(2_000);
    await eventually(() => expect(liveRegion(el)).toBe("1 minute left to pay"));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(liveRegion(el)).toBe("1 minute left to pay");
    await vi.advanceTimersByTimeAsync(10_000);
    await eventually(() => expect(liveRegion(el)).toBe("30 seconds left to pay"));
  });

  it("at expiry shows a new-code button that fetches a fresh code and starts again", async () => {
    const id = uniqueSessionId("expiry");
    const first = await setSession(id, { ttl_seconds: 5 });
    // No scheduled poll inside the moved time: an answer re-synchronises the countdown to the server's real clock.
    const { el, of } = await mount(checkoutAttributes(id, { "poll-interval": "60000" }));
    const svg = await find<SVGSVGElement>(el, "svg.qr");
    expect(await decodeSvgQr(svg)).toBe(first.qrcode);
    expect(timerText(el)).toBe("0:05");

    await vi.advanceTimersByTimeAsync(5_000);
    await waitForText(el, "This code has expired");
    expect(shadow(el).querySelector("svg.qr")).toBeNull();
    expect(of("qfpay-expired").map((e) => e.detail)).toEqual([{ sessionId: id, expiresAt: first.expires_at }]);
    expect(liveRegion(el)).toBe("This code has expired");

    const button = shadow(el).querySelector<HTMLButtonElement>("[part=action]")!;
    expect(button.textContent).toContain("Get a new code");
    button.click();
    const renewed = await find<SVGSVGElement>(el, "svg.qr");
    expect((await sessionStats(id)).refreshes).toBe(1);
    const text = await decodeSvgQr(renewed);
    expect(text).toBe(`${first.qrcode}-1`);
    expect(timerText(el)).toBe("0:05");
    expect(textOf(el)).toContain("Waiting for your payment");

    await vi.advanceTimersByTimeAsync(5_000);
    await eventually(() => expect(shadow(el).querySelector("svg.qr")).toBeNull());
    expect(textOf(el)).toContain("This code has expired");
    expect(of("qfpay-expired")).toHaveLength(2);
  });

  it("when a new code is refused because the payment went through, shows the success", async () => {
    const id = uniqueSessionId("refused");
    await setSession(id, { ttl_seconds: 3 });
    const { el, of } = await mount(checkoutAttributes(id, { "poll-interval": "60000" }));
    await find(el, "svg.qr");
    await vi.advanceTimersByTimeAsync(3_000);
    await waitForText(el, "This code has expired");
    await eventually(async () => expect((await sessionStats(id)).gets).toBe(2));
    await setSession(id, { status: "succeeded" });

    shadow(el).querySelector<HTMLButtonElement>("[part=action]")!.click();
    await waitForText(el, "Payment successful");
    expect((await sessionStats(id)).refreshes).toBe(1);
    expect(of("qfpay-error").map((e) => e.detail.code)).toEqual(["bad_request"]);
    expect(of("qfpay-succeeded")).toHaveLength(1);
  });

  it("still honours a payment that lands right at expiry", async () => {
    const id = uniqueSessionId("last-second");
    await setSession(id, { ttl_seconds: 3 });
    const { el, of } = await mount(checkoutAttributes(id, { "poll-interval": "60000" }));
    await find(el, "svg.qr");
    await setSession(id, { status: "succeeded" });
    await vi.advanceTimersByTimeAsync(3_000);
    await waitForText(el, "Payment successful");
    expect(of("qfpay-succeeded")).toHaveLength(1);
  });
});
