import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sessionSecrets } from "./session-secrets.js";

const fresh = () => mkdtempSync(join(tmpdir(), "session-secrets-"));

describe("session secrets", () => {
  it("are random, 0600 on disk, and the same on the next start", () => {
    const dir = fresh();
    const first = sessionSecrets(dir);
    expect(first.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(first.cookieSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(first.cookieSecret).not.toBe(first.jwtSecret);
    expect(statSync(join(dir, "session-secrets.json")).mode & 0o777).toBe(0o600);
    expect(sessionSecrets(dir)).toEqual(first);
  });

  it("differ between state folders", () => {
    expect(sessionSecrets(fresh()).jwtSecret).not.toBe(sessionSecrets(fresh()).jwtSecret);
  });

  it("refuse a damaged file instead of signing with something guessable", () => {
    const dir = fresh();
    writeFileSync(join(dir, "session-secrets.json"), "{}");
    expect(() => sessionSecrets(dir)).toThrow(/holds no jwtSecret and cookieSecret/);
  });
});
