import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortFree, findFreePort, HOST, PortInUseError, portFromEnv } from "./ports.js";

let held: Server | undefined;
afterEach(() => held?.close());

function hold(port: number): Promise<void> {
  held = createServer();
  return new Promise((resolve) => held!.listen(port, HOST, () => resolve()));
}

describe("ports", () => {
  it("names the service and the variable when a port is taken", async () => {
    const port = await findFreePort();
    await hold(port);
    const error = await assertPortFree(port, "Medusa", "MEDUSA_PORT").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toBe(
      `Port ${port} on 127.0.0.1 is already in use, so Medusa cannot start there. Stop what uses it, or set MEDUSA_PORT to another port.`,
    );
  });

  it("accepts a free port", async () => {
    await expect(assertPortFree(await findFreePort(), "Medusa", "MEDUSA_PORT")).resolves.toBeUndefined();
  });

  it("reads ports from the environment and refuses what is not a port", () => {
    expect(portFromEnv("P", 9000, {})).toBe(9000);
    expect(portFromEnv("P", 9000, { P: "9123" })).toBe(9123);
    expect(() => portFromEnv("P", 9000, { P: "90x" })).toThrow('P must be a port number between 1 and 65535, got "90x"');
    expect(() => portFromEnv("P", 9000, { P: "70000" })).toThrow(/between 1 and 65535/);
  });
});
