import { describe, expect, it } from "vitest";
import { optionsFromCli } from "./cli-args.js";
import { SandboxConfigError } from "./errors.js";

describe("qfpay-sandbox options", () => {
  it("reads one merchant from flags, with port, host, public URL and time scale", () => {
    const options = optionsFromCli(
      [
        "--port",
        "9100",
        "--host",
        "0.0.0.0",
        "--public-url",
        "http://sandbox.test",
        "--notify-time-scale",
        "0.01",
        "--app-code",
        "A",
        "--client-key",
        "K",
        "--mchid",
        "M",
        "--notify-url",
        "http://shop.test/hooks",
      ],
      {},
    );
    expect(options).toEqual({
      merchants: [{ appCode: "A", clientKey: "K", mchid: "M", notifyUrl: "http://shop.test/hooks" }],
      port: 9100,
      host: "0.0.0.0",
      publicUrl: "http://sandbox.test",
      notifyTimeScale: 0.01,
    });
  });

  it("reads several merchants from QFPAY_SANDBOX_MERCHANTS and the port from the environment; flags add to them", () => {
    const env = {
      QFPAY_SANDBOX_MERCHANTS: JSON.stringify([
        { appCode: "A", clientKey: "K" },
        { appCode: "B", clientKey: "L", mchid: "M" },
      ]),
      QFPAY_SANDBOX_PORT: "9200",
    };
    const options = optionsFromCli(["--app-code", "C", "--client-key", "N"], env);
    expect(options.merchants.map((merchant) => merchant.appCode)).toEqual(["A", "B", "C"]);
    expect(options.port).toBe(9200);
    expect(optionsFromCli(["--port", "0"], env).port).toBe(0);
  });

  it("reads the rate limit as per-second/per-minute or off, from the flag or QFPAY_SANDBOX_RATE_LIMIT", () => {
    const merchant = ["--app-code", "A", "--client-key", "K"];
    expect(optionsFromCli([...merchant, "--rate-limit", "5/50"], {}).rateLimit).toEqual({ perSecond: 5, perMinute: 50 });
    expect(optionsFromCli(merchant, { QFPAY_SANDBOX_RATE_LIMIT: "off" }).rateLimit).toBe(false);
    expect(optionsFromCli(merchant, {}).rateLimit).toBeUndefined();
  });

  it.each([
    ["no merchant", [], {}],
    ["a rate limit that is neither off nor n/m", ["--rate-limit", "fast", "--app-code", "A", "--client-key", "K"], {}],
    ["a zero rate limit", ["--rate-limit", "0/400", "--app-code", "A", "--client-key", "K"], {}],
    ["an app code without key", ["--app-code", "A"], {}],
    ["a port that is not a number", ["--port", "http", "--app-code", "A", "--client-key", "K"], {}],
    ["a negative time scale", ["--notify-time-scale=-1", "--app-code", "A", "--client-key", "K"], {}],
    ["a flag without its value", ["--notify-time-scale", "-1", "--app-code", "A", "--client-key", "K"], {}],
    ["merchants that are not JSON", [], { QFPAY_SANDBOX_MERCHANTS: "{oops" }],
    ["merchants that are not a list", [], { QFPAY_SANDBOX_MERCHANTS: "{}" }],
  ])("refuses %s", (_name, argv, env) => {
    expect(() => optionsFromCli(argv as string[], env)).toThrow(SandboxConfigError);
  });

  it("refuses unknown flags", () => {
    expect(() => optionsFromCli(["--app-code", "A", "--client-key", "K", "--verbose"], {})).toThrow(SandboxConfigError);
  });
});
