import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";

/**
 * AES-256-GCM with the row's identity as additional authenticated data: a ciphertext copied to another
 * row, another workspace, or relabelled with another key version fails authentication instead of decrypting.
 * Layout: 12-byte IV | 16-byte tag | ciphertext.
 */
export type SealContext = { purpose: "connection" | "oauth_state" | "webhook_secret" | "integration_secret" | "app_webhook"; workspaceId: string; rowId: string };
export type Sealed = { ciphertext: Buffer; keyVersion: number };

export class VaultError extends Error {
  override name = "VaultError";
}

function aad(ctx: SealContext, keyVersion: number): Buffer {
  return Buffer.from(`junction.vault.v1|${ctx.purpose}|${ctx.workspaceId}|${ctx.rowId}|${keyVersion}`);
}

export function seal(keyring: Keyring, ctx: SealContext, secrets: Record<string, string>): Sealed {
  const { version, key } = keyring.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(ctx, version));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyVersion: version };
}

export function unseal(keyring: Keyring, ctx: SealContext, sealed: Sealed): Record<string, string> {
  const key = keyring.byVersion.get(sealed.keyVersion);
  // Never include key material or plaintext in these messages: they reach logs.
  if (!key) throw new VaultError(`Credentials are sealed with key version ${sealed.keyVersion}, which JUNCTION_VAULT_KEYS no longer lists.`);
  const buf = sealed.ciphertext;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
    decipher.setAAD(aad(ctx, sealed.keyVersion));
    decipher.setAuthTag(buf.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8");
    return JSON.parse(plain) as Record<string, string>;
  } catch {
    throw new VaultError(`Credentials of ${ctx.purpose} ${ctx.rowId} failed authentication (tampered, moved, or the wrong key).`);
  }
}
