import { describe, expect, it } from "vitest";
import { createPayment, useSandboxWithReceiver } from "./test-support.js";

const env = useSandboxWithReceiver();

const stateOf = (syssn: string) => env.sandbox.ledger().find((entry) => entry.syssn === syssn)?.state;
const press = (pageUrl: string, action: string) =>
  fetch(`${pageUrl}/${action}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `action=${action}`,
  });

/** The form actions a page offers. */
const formActions = (html: string) => [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((match) => match[1]);

describe("wallet pages", () => {
  it("the qrcode opens a strict page with the amount and Pay / Enter password / Cancel forms", async () => {
    const { result, syssn } = await createPayment(env.sandbox, { txamt: "12345", goods_name: "<b>tea</b>" });
    const response = await fetch(String(result.body.qrcode));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("HKD 123.45");
    expect(html).toContain("&lt;b&gt;tea&lt;/b&gt;");
    expect(html).not.toMatch(/<script|style=/i);
    expect(formActions(html)).toEqual([`/wallet/qr/${syssn}/pay`, `/wallet/qr/${syssn}/hold`, `/wallet/qr/${syssn}/cancel`]);
    const css = await fetch(`${env.sandbox.url}/wallet/style.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
  });

  it("Pay pays the order, notifies, and comes back to the page showing Paid without buttons", async () => {
    const { result, syssn } = await createPayment(env.sandbox);
    const pageUrl = String(result.body.qrcode);
    const paid = await press(pageUrl, "pay");
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`/wallet/qr/${syssn}`);
    expect(stateOf(syssn)).toBe("succeeded");
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain("Paid");
    expect(formActions(html)).toEqual([]);
    await env.receiver.waitFor(1);
  });

  it("Enter password holds the order at 1143 until Pay", async () => {
    const { result, syssn } = await createPayment(env.sandbox);
    const pageUrl = String(result.body.qrcode);
    await press(pageUrl, "hold");
    expect(env.sandbox.ledger().find((entry) => entry.syssn === syssn)).toMatchObject({ state: "holding", respcd: "1143" });
    expect(await (await fetch(pageUrl)).text()).toContain("Entering password");
    await press(pageUrl, "pay");
    expect(stateOf(syssn)).toBe("succeeded");
  });

  it("Cancel closes the order; pressing Pay afterwards is refused with 409", async () => {
    const { result, syssn } = await createPayment(env.sandbox);
    const pageUrl = String(result.body.qrcode);
    await press(pageUrl, "cancel");
    expect(stateOf(syssn)).toBe("closed");
    const late = await press(pageUrl, "pay");
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("can no longer be changed");
  });

  it("a web pay_url page sends the payer to return_url after paying", async () => {
    const { result, syssn } = await createPayment(env.sandbox, { pay_type: "801114", return_url: "https://shop.example/thanks?order=1" });
    const pageUrl = String(result.body.pay_url);
    expect(pageUrl).toBe(`${env.sandbox.url}/wallet/web/${syssn}`);
    const paid = await press(pageUrl, "pay");
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("https://shop.example/thanks?order=1");
    expect(await (await fetch(pageUrl)).text()).toContain('href="https://shop.example/thanks?order=1"');
  });

  it("a web page without return_url comes back to itself", async () => {
    const { result } = await createPayment(env.sandbox, { pay_type: "801112" });
    const paid = await press(String(result.body.pay_url), "pay");
    expect(paid.headers.get("location")).toMatch(/^\/wallet\/web\//);
  });

  it("an unknown order or action is a 404 page", async () => {
    expect((await fetch(`${env.sandbox.url}/wallet/qr/20000101000200000000000005`)).status).toBe(404);
    const { result } = await createPayment(env.sandbox);
    expect((await press(String(result.body.qrcode), "steal")).status).toBe(404);
  });
});
