import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort, MedusaStartError, startMedusa } from "@qfpay-medusa/demo/launcher";
import { stackInfo } from "../support/stack-info.js";

const info = stackInfo();
const CLIENT_KEY = randomBytes(16).toString("hex").toUpperCase();

/** Starts a second Medusa on the test database with these extra provider options; answers why it stopped (null if it ran). */
async function startupError(name: string, options: Record<string, unknown>): Promise<Error | null> {
  try {
    const medusa = await startMedusa(
      {
        port: await findFreePort(),
        databaseUrl: info.databaseUrl,
        stateDir: join(info.stateDir, name),
        storefrontUrl: "",
        adminEnabled: false,
        qfpay: { baseUrl: info.sandboxUrl, appCode: "BADOPTIONS", clientKey: CLIENT_KEY },
        extraEnv: { QFPAY_PROVIDER_OPTIONS: JSON.stringify(options) },
      },
      120_000,
    );
    await medusa.stop();
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe("provider options are checked when Medusa starts", () => {
  it("stops Medusa with an error naming the bad option, without the client key", async () => {
    const error = await startupError("bad-expiry", { qrExpiryMinutes: 3 });
    expect(error).toBeInstanceOf(MedusaStartError);
    expect(error!.message).toMatch(/Invalid QFPay provider options/);
    expect(error!.message).toMatch(/"qrExpiryMinutes" must be at least 5/);
    expect(error!.message).not.toContain(CLIENT_KEY);
  });

  it("names an unknown option", async () => {
    const error = await startupError("unknown-option", { clientSecret: "x" });
    expect(error).toBeInstanceOf(MedusaStartError);
    expect(error!.message).toMatch(/unknown option\(s\) "clientSecret"/);
  });
});
