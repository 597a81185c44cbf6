/**
 * WeChat's in-app browser: detection and its payment sheet (`WeixinJSBridge.invoke("getBrandWCPayRequest")`).
 * The bridge exists only inside WeChat, sometimes only after the `WeixinJSBridgeReady` event.
 */
import type { WechatPayParams } from "@qfpay-medusa/shared/checkout";

/** What the sheet answered: paid (the order still has to be confirmed by the server), closed by the shopper, failed. */
export type WechatSheetResult = "ok" | "cancel" | "fail";

interface Bridge {
  invoke(name: "getBrandWCPayRequest", params: WechatPayParams, callback: (answer: { err_msg?: string }) => void): void;
}

declare global {
  interface Window {
    WeixinJSBridge?: Bridge;
  }
}

export function isWeChatBrowser(userAgent = globalThis.navigator?.userAgent ?? ""): boolean {
  return /MicroMessenger/i.test(userAgent);
}

function bridge(timeoutMs: number): Promise<Bridge | undefined> {
  if (window.WeixinJSBridge || !isWeChatBrowser()) return Promise.resolve(window.WeixinJSBridge);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener("WeixinJSBridgeReady", done);
      resolve(window.WeixinJSBridge);
    };
    const timer = setTimeout(done, timeoutMs);
    document.addEventListener("WeixinJSBridgeReady", done);
  });
}

/** Opens WeChat Pay's sheet; undefined when there is no bridge (not inside WeChat). */
export async function openWechatPaySheet(params: WechatPayParams, timeoutMs = 3000): Promise<WechatSheetResult | undefined> {
  const found = await bridge(timeoutMs);
  if (!found) return undefined;
  return new Promise((resolve) =>
    found.invoke("getBrandWCPayRequest", params, (answer) => {
      const outcome = /:(ok|cancel)$/.exec(answer.err_msg ?? "")?.[1];
      resolve(outcome === "ok" || outcome === "cancel" ? outcome : "fail");
    }),
  );
}
