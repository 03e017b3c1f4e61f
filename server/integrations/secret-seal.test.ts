import { randomBytes, verify } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { integrationSecrets } from "../../db/schema";
import { parseManifest } from "@junction/sdk";
import { parseKeyring } from "../connections/keyring";
import { newUser } from "../testing/users";
import { getOrCreateSecret, publicKeyObject, rotateAllSecrets, signingKey } from "./secret-seal";
import { storeVersion } from "./versions";

const original = process.env.JUNCTION_VAULT_KEYS;
afterAll(() => {
  process.env.JUNCTION_VAULT_KEYS = original;
});

describe("integration secrets and signing keys", () => {
  it("are created once under concurrency, sealed at rest, and survive vault:rotate unchanged", async () => {
    const k1 = randomBytes(32).toString("base64");
    const k2 = randomBytes(32).toString("base64");
    process.env.JUNCTION_VAULT_KEYS = `1:${k1}`;
    const user = await newUser();
    const manifest = parseManifest({ id: "sealer", name: "Sealer", version: "1.0.0", author: "t", description: "d" });
    const { integrationId } = await storeVersion(getDb(), { slug: "sealer", name: "Sealer", official: false, manifest, bundle: "globalThis.__junction={actions:{}}", status: "approved" });
    const inst = { workspaceId: user.personalWorkspaceId, integrationId };

    const values = await Promise.all([1, 2, 3, 4].map(() => getOrCreateSecret(getDb(), inst, "hook")));
    expect(new Set(values).size).toBe(1);
    const key = await signingKey(getDb(), inst, "k");
    const rows = await getDb().select().from(integrationSecrets);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.ciphertext.toString("latin1")).not.toContain(values[0]!);

    process.env.JUNCTION_VAULT_KEYS = `2:${k2},1:${k1}`;
    expect(await rotateAllSecrets(getDb(), parseKeyring(process.env.JUNCTION_VAULT_KEYS))).toBe(2);
    expect((await getDb().select().from(integrationSecrets)).map((r) => r.keyVersion)).toEqual([2, 2]);
    process.env.JUNCTION_VAULT_KEYS = `2:${k2}`; // the old key is gone: everything must read with the new one
    expect(await getOrCreateSecret(getDb(), inst, "hook")).toBe(values[0]);
    const again = await signingKey(getDb(), inst, "k");
    expect(again.publicKey).toBe(key.publicKey);
    expect(verify(null, Buffer.from("m"), publicKeyObject(key.publicKey), Buffer.from(again.sign(Buffer.from("m")), "base64"))).toBe(true);
  });
});
