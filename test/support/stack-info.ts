import { inject } from "vitest";

/** What global-setup.ts hands every test file about the running stack (plain data: it crosses processes). */
export type StackInfo = {
  medusaUrl: string;
  storefrontUrl: string;
  sandboxUrl: string;
  publishableKey: string;
  regions: { id: string; name: string; currency_code: string }[];
  admin: { email: string; password: string };
  databaseUrl: string;
  stateDir: string;
  medusaLogFile: string;
  /** The sandbox merchant's client key, so tests can check it leaks nowhere. */
  qfpayClientKey: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export function stackInfo(): StackInfo {
  return inject("stack");
}

export function region(info: StackInfo, currencyCode: string): StackInfo["regions"][number] {
  const found = info.regions.find((r) => r.currency_code === currencyCode);
  if (!found) throw new Error(`No seeded region in ${currencyCode}`);
  return found;
}
