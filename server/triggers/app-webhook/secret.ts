import { randomBytes } from "node:crypto";
import { count, eq, ne } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { appWebhookSubscriptions } from "../../../db/schema";
import { vaultKeyring, type Keyring } from "../../connections/keyring";
import { rotateInBatches } from "../../connections/rotate";
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

/**
 * `npm run vault:rotate`: re-seals every subscription's secret under the current key, in batches, rows locked
 * (SKIP LOCKED: a row being written now is picked up by a later batch). Returns how many were re-sealed.
 */
export async function rotateAppWebhookSecrets(db: Database, keyring: Keyring, batchSize = 100): Promise<number> {
  const stale = ne(appWebhookSubscriptions.secretKeyVersion, keyring.current.version);
  return rotateInBatches(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select().from(appWebhookSubscriptions).where(stale).limit(batchSize).for("update", { skipLocked: true });
        for (const row of rows) {
          const sealed = sealWebhookSecret(row.workspaceId, row.id, openWebhookSecret(row, keyring), keyring);
          await tx.update(appWebhookSubscriptions).set({ secretCiphertext: sealed.ciphertext, secretKeyVersion: sealed.keyVersion }).where(eq(appWebhookSubscriptions.id, row.id));
        }
        return rows.length;
      }),
    async () => (await db.select({ n: count() }).from(appWebhookSubscriptions).where(stale))[0]!.n,
  );
}
