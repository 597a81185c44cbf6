import { randomBytes } from "node:crypto";
import { startSandbox, type Sandbox } from "@qfpay-medusa/sandbox";
import { HOST } from "./ports.js";
import type { QfpayConnection } from "./qfpay-connection.js";

export type DemoSandbox = {
  sandbox: Sandbox;
  /** What Medusa's provider is configured with to talk to this sandbox. */
  connection: QfpayConnection;
};

/** The route of the plugin that QFPay notifications go to. */
export function notifyUrlFor(medusaUrl: string): string {
  return `${medusaUrl}/hooks/qfpay/notify`;
}

/**
 * Starts the QFPay sandbox with one merchant whose notifications go to Medusa. The key is fresh
 * for every start: it only has to match between the sandbox and Medusa's provider options.
 */
export async function startDemoSandbox(options: { port: number; medusaUrl: string; notifyTimeScale?: number }): Promise<DemoSandbox> {
  const merchant = {
    appCode: "DEMO" + randomBytes(8).toString("hex").toUpperCase(),
    clientKey: randomBytes(16).toString("hex").toUpperCase(),
    mchid: "DEMOMCH" + randomBytes(4).toString("hex").toUpperCase(),
  };
  const sandbox = await startSandbox({
    port: options.port,
    host: HOST,
    merchants: [{ ...merchant, notifyUrl: notifyUrlFor(options.medusaUrl) }],
    ...(options.notifyTimeScale !== undefined ? { notifyTimeScale: options.notifyTimeScale } : {}),
  });
  return { sandbox, connection: { baseUrl: sandbox.url, ...merchant } };
}
