import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../env";
import { vaultKeyring } from "./keyring";

const good = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  TEMPORAL_ADDRESS: "127.0.0.1:7233",
  AUTH_SECRET: "x".repeat(32),
  JUNCTION_PAYLOAD_KEY: Buffer.alloc(32, 7).toString("base64"),
};
const original = process.env.JUNCTION_VAULT_KEYS;
afterEach(() => {
  process.env.JUNCTION_VAULT_KEYS = original;
});

describe("JUNCTION_VAULT_KEYS", () => {
  it("is checked at start-up with the keyring's own reason", () => {
    expect(() => parseEnv({ ...good, JUNCTION_VAULT_KEYS: "1:c2hvcnQ=" })).toThrow(EnvError);
    expect(() => parseEnv({ ...good, JUNCTION_VAULT_KEYS: "1:c2hvcnQ=" })).toThrow("JUNCTION_VAULT_KEYS key version 1 is not 32 bytes");
    expect(parseEnv({ ...good, JUNCTION_VAULT_KEYS: `1:${randomBytes(32).toString("base64url")}` }).JUNCTION_VAULT_KEYS).toBeTruthy();
  });

  it("names itself when the vault is used without it, and follows a changed value", () => {
    delete process.env.JUNCTION_VAULT_KEYS;
    expect(() => vaultKeyring()).toThrow("JUNCTION_VAULT_KEYS is missing");
    process.env.JUNCTION_VAULT_KEYS = `4:${randomBytes(32).toString("base64")}`;
    expect(vaultKeyring().current.version).toBe(4);
  });
});
