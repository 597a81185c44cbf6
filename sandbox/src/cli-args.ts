import { parseArgs } from "node:util";
import { SandboxConfigError } from "./errors.js";
import type { RateLimitSetting, SandboxMerchant, SandboxOptions } from "./types.js";

export const USAGE = `Usage: qfpay-sandbox [--port 0] [--host 127.0.0.1] [--public-url URL] [--notify-time-scale 1]
                     [--rate-limit 100/400|off] [--app-code CODE --client-key KEY [--mchid ID] [--notify-url URL]]
Merchants may also come from QFPAY_SANDBOX_MERCHANTS, a JSON array of
  {"appCode": "...", "clientKey": "...", "mchid": "...", "notifyUrl": "..."}.
Also read from the environment: QFPAY_SANDBOX_PORT, QFPAY_SANDBOX_HOST, QFPAY_SANDBOX_PUBLIC_URL,
QFPAY_SANDBOX_RATE_LIMIT (requests per second/per minute and app code; default 100/400).`;

/** Sandbox options from command-line flags and the environment; flags win. */
export function optionsFromCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): SandboxOptions {
  const values = parseFlags(argv);
  const merchants = [...merchantsFromEnv(env.QFPAY_SANDBOX_MERCHANTS), ...merchantFromFlags(values)];
  if (merchants.length === 0) throw new SandboxConfigError("No merchant: pass --app-code and --client-key, or set QFPAY_SANDBOX_MERCHANTS");
  const port = flag(values, "port") ?? env.QFPAY_SANDBOX_PORT;
  const host = flag(values, "host") ?? env.QFPAY_SANDBOX_HOST;
  const publicUrl = flag(values, "public-url") ?? env.QFPAY_SANDBOX_PUBLIC_URL;
  const scale = flag(values, "notify-time-scale");
  const rateLimit = flag(values, "rate-limit") ?? env.QFPAY_SANDBOX_RATE_LIMIT;
  return {
    merchants,
    ...(port !== undefined ? { port: wholeNumber(port, "--port") } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(publicUrl !== undefined ? { publicUrl } : {}),
    ...(scale !== undefined ? { notifyTimeScale: positiveNumber(scale, "--notify-time-scale") } : {}),
    ...(rateLimit !== undefined ? { rateLimit: rateLimitOf(rateLimit) } : {}),
  };
}

const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  "public-url": { type: "string" },
  "notify-time-scale": { type: "string" },
  "rate-limit": { type: "string" },
  "app-code": { type: "string" },
  "client-key": { type: "string" },
  mchid: { type: "string" },
  "notify-url": { type: "string" },
  help: { type: "boolean" },
} as const;

function parseFlags(argv: readonly string[]): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: [...argv], strict: true, options: FLAGS }).values;
  } catch (error) {
    throw new SandboxConfigError(error instanceof Error ? error.message : String(error));
  }
}

function merchantsFromEnv(json: string | undefined): SandboxMerchant[] {
  if (json === undefined || json.trim() === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new SandboxConfigError("QFPAY_SANDBOX_MERCHANTS is not JSON");
  }
  if (!Array.isArray(parsed)) throw new SandboxConfigError("QFPAY_SANDBOX_MERCHANTS must be a JSON array of merchants");
  return parsed as SandboxMerchant[];
}

function merchantFromFlags(values: Record<string, string | boolean | undefined>): SandboxMerchant[] {
  const appCode = values["app-code"];
  const clientKey = values["client-key"];
  if (appCode === undefined && clientKey === undefined) return [];
  if (typeof appCode !== "string" || typeof clientKey !== "string") {
    throw new SandboxConfigError("--app-code and --client-key go together");
  }
  const mchid = values.mchid;
  const notifyUrl = values["notify-url"];
  return [
    {
      appCode,
      clientKey,
      ...(typeof mchid === "string" ? { mchid } : {}),
      ...(typeof notifyUrl === "string" ? { notifyUrl } : {}),
    },
  ];
}

function flag(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function wholeNumber(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new SandboxConfigError(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}

/** `off`, or `<per second>/<per minute>` such as `100/400`. */
function rateLimitOf(text: string): RateLimitSetting {
  if (text === "off") return false;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [perSecond, perMinute] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (perSecond <= 0 || perMinute <= 0) throw new SandboxConfigError(`--rate-limit must be off or like 100/400, got "${text}"`);
  return { perSecond, perMinute };
}

function positiveNumber(text: string, name: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) {
    throw new SandboxConfigError(`${name} must be a number ≥ 0, got "${text}"`);
  }
  return value;
}
