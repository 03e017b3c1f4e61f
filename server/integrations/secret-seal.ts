import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { integrationSecrets } from "../../db/schema";
import { vaultKeyring, type Keyring } from "../connections/keyring";
import { rotateInBatches } from "../connections/rotate";
import { seal, unseal } from "../connections/seal";

/**
 * ctx.secrets and ctx.crypto keys, sealed like connections (AES-256-GCM, bound to workspace + row id + key
 * version) in integration_secrets. Plaintext exists only in the worker's memory while a step uses it; the private
 * half of a signing key never leaves this module (the isolate gets signatures and the public key).
 */
export type Installation = { workspaceId: string; integrationId: string };
type Kind = "secret" | "ed25519";
type Row = typeof integrationSecrets.$inferSelect;

const ctxOf = (row: Pick<Row, "workspaceId" | "id">) => ({ purpose: "integration_secret" as const, workspaceId: row.workspaceId, rowId: row.id });
const open = (row: Row, keyring: Keyring = vaultKeyring()) => unseal(keyring, ctxOf(row), row).value!;

/**
 * The row for (installation, kind, name), created on first use. Concurrent first uses race on the unique key;
 * the loser reads the winner's row, so every caller sees one value.
 */
async function getOrCreateRow(db: Database, inst: Installation, kind: Kind, name: string, make: () => { value: string; publicKey?: string }): Promise<Row> {
  const where = and(eq(integrationSecrets.workspaceId, inst.workspaceId), eq(integrationSecrets.integrationId, inst.integrationId), eq(integrationSecrets.kind, kind), eq(integrationSecrets.name, name));
  const existing = await db.query.integrationSecrets.findFirst({ where });
  if (existing) return existing;
  const id = crypto.randomUUID();
  const made = make();
  const sealed = seal(vaultKeyring(), ctxOf({ workspaceId: inst.workspaceId, id }), { value: made.value });
  const [inserted] = await db
    .insert(integrationSecrets)
    .values({ id, ...inst, kind, name, ...sealed, publicKey: made.publicKey ?? null })
    .onConflictDoNothing()
    .returning();
  return inserted ?? (await db.query.integrationSecrets.findFirst({ where }))!;
}

/** ctx.secrets.getOrCreate(name): 32 random bytes, base64url, stable per installation and name. */
export async function getOrCreateSecret(db: Database, inst: Installation, name: string): Promise<string> {
  return open(await getOrCreateRow(db, inst, "secret", name, () => ({ value: randomBytes(32).toString("base64url") })));
}

function newSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { value: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"), publicKey: rawPublicKey(publicKey) };
}

const rawPublicKey = (key: KeyObject) => Buffer.from(key.export({ format: "jwk" }).x!, "base64url").toString("base64");

/** The installation's Ed25519 key `keyName` (created on first use): sign in the host, publish the public half. */
export async function signingKey(db: Database, inst: Installation, keyName: string) {
  const row = await getOrCreateRow(db, inst, "ed25519", keyName, newSigningKey);
  return {
    publicKey: row.publicKey!,
    sign(bytes: Uint8Array): string {
      const key = createPrivateKey({ key: Buffer.from(open(row), "base64"), format: "der", type: "pkcs8" });
      return sign(null, bytes, key).toString("base64");
    },
  };
}

/** The public key (raw 32 bytes, base64) of a stored signing key, for tests and for showing it to users. */
export function publicKeyObject(rawBase64: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(rawBase64, "base64").toString("base64url") }, format: "jwk" });
}

/** vault:rotate's second table: re-seals one batch of integration secrets still under an older key. */
export async function rotateSecretsBatch(db: Database, keyring: Keyring, batchSize: number): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(integrationSecrets)
      .where(ne(integrationSecrets.keyVersion, keyring.current.version))
      .orderBy(asc(integrationSecrets.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      const sealed = seal(keyring, ctxOf(row), { value: open(row, keyring) });
      await tx.update(integrationSecrets).set(sealed).where(eq(integrationSecrets.id, row.id));
    }
    return rows.length;
  });
}

export async function secretsRemainingToRotate(db: Database, keyring: Keyring): Promise<number> {
  const [r] = await db.select({ n: count() }).from(integrationSecrets).where(ne(integrationSecrets.keyVersion, keyring.current.version));
  return r!.n;
}

export async function rotateAllSecrets(db: Database, keyring: Keyring, batchSize = 100): Promise<number> {
  return rotateInBatches(
    () => rotateSecretsBatch(db, keyring, batchSize),
    () => secretsRemainingToRotate(db, keyring),
  );
}
