import { SandboxConfigError } from "./errors.js";
import type { SandboxMerchant } from "./types.js";

export interface Merchant {
  readonly appCode: string;
  readonly clientKey: string;
  readonly mchid?: string;
  notifyUrl?: string;
}

/** The merchants a sandbox serves, by app code. */
export class MerchantRegistry {
  private readonly byAppCode = new Map<string, Merchant>();

  constructor(merchants: readonly SandboxMerchant[]) {
    if (!Array.isArray(merchants) || merchants.length === 0) {
      throw new SandboxConfigError("The sandbox needs at least one merchant (appCode, clientKey)");
    }
    for (const [index, merchant] of merchants.entries()) this.add(merchant, index);
  }

  find(appCode: string | undefined): Merchant | undefined {
    return appCode === undefined ? undefined : this.byAppCode.get(appCode);
  }

  setNotifyUrl(appCode: string, url: string | undefined): void {
    const merchant = this.byAppCode.get(appCode);
    if (!merchant) throw new SandboxConfigError(`No merchant with app code "${appCode}"`);
    merchant.notifyUrl = url === undefined || url === "" ? undefined : checkedUrl(url, `notifyUrl of ${appCode}`);
  }

  private add(merchant: SandboxMerchant, index: number): void {
    const where = `merchants[${index}]`;
    if (typeof merchant?.appCode !== "string" || merchant.appCode.trim() === "") {
      throw new SandboxConfigError(`${where}.appCode must be a non-empty string`);
    }
    if (typeof merchant.clientKey !== "string" || merchant.clientKey === "") {
      throw new SandboxConfigError(`${where}.clientKey must be a non-empty string`);
    }
    if (merchant.mchid !== undefined && (typeof merchant.mchid !== "string" || merchant.mchid === "")) {
      throw new SandboxConfigError(`${where}.mchid must be a non-empty string when given`);
    }
    if (this.byAppCode.has(merchant.appCode)) {
      throw new SandboxConfigError(`${where}.appCode "${merchant.appCode}" is configured twice`);
    }
    this.byAppCode.set(merchant.appCode, {
      appCode: merchant.appCode,
      clientKey: merchant.clientKey,
      ...(merchant.mchid !== undefined ? { mchid: merchant.mchid } : {}),
      ...(merchant.notifyUrl ? { notifyUrl: checkedUrl(merchant.notifyUrl, `${where}.notifyUrl`) } : {}),
    });
  }
}

function checkedUrl(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SandboxConfigError(`${what} is not a URL: "${url}"`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new SandboxConfigError(`${what} must be an http(s) URL: "${url}"`);
  }
  return url;
}
