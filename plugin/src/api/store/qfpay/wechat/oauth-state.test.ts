import { describe, expect, it } from "vitest";
import { createOauthState, OauthStateError, verifyOauthState, withOauthState } from "./oauth-state";

const KEY = "CLIENTKEY0123456789";
const page = "https://shop.example/checkout?cart=1";

describe("the signed OAuth state", () => {
  it("verifies on the page it was made for, with WeChat's parameters added", () => {
    const state = createOauthState(KEY, page, 1_000);
    expect(() => verifyOauthState(KEY, state, `${withOauthState(page, state)}&code=011Qip`, 2_000)).not.toThrow();
    expect(state).not.toContain(KEY);
  });

  it("refuses another page, another key, a tampered or expired state", () => {
    const state = createOauthState(KEY, page, 1_000);
    expect(() => verifyOauthState(KEY, state, "https://evil.example/checkout", 2_000)).toThrow(OauthStateError);
    expect(() => verifyOauthState("OTHER", state, page, 2_000)).toThrow(OauthStateError);
    expect(() => verifyOauthState(KEY, state.replace(/^\d+/, "99999999999999"), page, 2_000)).toThrow(OauthStateError);
    expect(() => verifyOauthState(KEY, "garbage", page, 2_000)).toThrow(OauthStateError);
    expect(() => verifyOauthState(KEY, state, page, 1_000 + 10 * 60 * 1000 + 1)).toThrow(/took too long/);
  });
});
