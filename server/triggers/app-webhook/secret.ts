import { randomBytes } from "node:crypto";
import type { appWebhookSubscriptions } from "../../../db/schema";
import { vaultKeyring, type Keyring } from "../../connections/keyring";
import { seal, unseal, type Sealed } from "../../connections/seal";

type Row = Pick<typeof appWebhookSubscriptions.$inferSelect, "id" | "workspaceId" | "secretCiphertext" | "secretKeyVersion">;

/** A fresh secret the third party signs deliveries with (given to it by the integration's subscribe). */
export const newWebhookSecret = (): string => randomBytes(32).toString("hex");

/** Sealed like connection credentials: AES-256-GCM bound to this subscription's workspace and id. */
export function sealWebhookSecret(workspaceId: string, subscriptionId: string, secret: string, keyring: Keyring = vaultKeyring()): Sealed {
  return seal(keyring, { purpose: "app_webhook", workspaceId, rowId: subscriptionId }, { secret });
}

export function openWebhookSecret(row: Row, keyring: Keyring = vaultKeyring()): string {
  const { secret } = unseal(keyring, { purpose: "app_webhook", workspaceId: row.workspaceId, rowId: row.id }, { ciphertext: row.secretCiphertext, keyVersion: row.secretKeyVersion });
  return secret!;
}
