import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "./keyring";
import { seal, unseal, type SealContext } from "./seal";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64url");
const ctx: SealContext = { purpose: "connection", workspaceId: "ws-1", rowId: "row-1" };

describe("seal", () => {
  it("round-trips under the current key and stays readable after a new key is put first", () => {
    const sealed = seal(parseKeyring(`1:${k1}`), ctx, { apiKey: "abc" });
    expect(sealed.keyVersion).toBe(1);
    expect(sealed.ciphertext.toString("latin1")).not.toContain("abc");
    const rotated = parseKeyring(`2:${k2},1:${k1}`);
    expect(unseal(rotated, ctx, sealed)).toEqual({ apiKey: "abc" });
    expect(seal(rotated, ctx, { apiKey: "abc" }).keyVersion).toBe(2);
  });

  it("fails to open under another row, workspace, purpose or key version label", () => {
    const ring = parseKeyring(`2:${k1},1:${k1}`); // same bytes under two versions: only the AAD tells them apart
    const sealed = seal(ring, ctx, { apiKey: "abc" });
    expect(() => unseal(ring, { ...ctx, rowId: "row-2" }, sealed)).toThrow("failed authentication");
    expect(() => unseal(ring, { ...ctx, workspaceId: "ws-2" }, sealed)).toThrow("failed authentication");
    expect(() => unseal(ring, { ...ctx, purpose: "oauth_state" }, sealed)).toThrow("failed authentication");
    expect(() => unseal(ring, ctx, { ...sealed, keyVersion: 1 })).toThrow("failed authentication");
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => unseal(ring, ctx, { ...sealed, ciphertext: flipped })).toThrow("failed authentication");
  });

  it("names a key version the keyring no longer lists", () => {
    const sealed = seal(parseKeyring(`1:${k1}`), ctx, { a: "b" });
    expect(() => unseal(parseKeyring(`2:${k2}`), ctx, sealed)).toThrow("key version 1, which JUNCTION_VAULT_KEYS no longer lists");
  });

  it("rejects malformed keyrings with a readable reason", () => {
    expect(() => parseKeyring("")).toThrow("is empty");
    expect(() => parseKeyring("abc")).toThrow("malformed entry");
    expect(() => parseKeyring("1:c2hvcnQ=")).toThrow("key version 1 is not 32 bytes");
    expect(() => parseKeyring(`1:${k1},1:${k2}`)).toThrow("twice");
    expect(parseKeyring(`3:${k1}, 2:${k2}`).current.version).toBe(3);
  });
});
