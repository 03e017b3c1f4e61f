import { and, count, eq, isNotNull, ne } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { webhookEndpoints } from "../../../db/schema";
import { vaultKeyring, type Keyring } from "../../connections/keyring";
import { rotateInBatches } from "../../connections/rotate";
import { seal, unseal, type Sealed } from "../../connections/seal";

/**
 * A hook's verification secrets. During rotation two are accepted: the new `current` and the `previous` one
 * until `previousExpiresAt`, so the sender can switch over without a window of rejected deliveries.
 */
export type WebhookSecrets = { current?: string; previous?: string };

type Row = Pick<typeof webhookEndpoints.$inferSelect, "id" | "workspaceId" | "secretsCiphertext" | "secretsKeyVersion">;

/** Sealed like connection credentials, under their own purpose and bound to this endpoint row. */
export function sealWebhookSecrets(workspaceId: string, endpointId: string, secrets: WebhookSecrets, keyring: Keyring = vaultKeyring()): Sealed {
  return seal(keyring, { purpose: "webhook_secret", workspaceId, rowId: endpointId }, secrets as Record<string, string>);
}

export function unsealWebhookSecrets(row: Row, keyring?: Keyring): WebhookSecrets {
  if (!row.secretsCiphertext || row.secretsKeyVersion === null) return {};
  return unseal(keyring ?? vaultKeyring(), { purpose: "webhook_secret", workspaceId: row.workspaceId, rowId: row.id }, { ciphertext: row.secretsCiphertext, keyVersion: row.secretsKeyVersion }) as WebhookSecrets;
}

/** The secrets a delivery may be signed with right now: the current one, then the previous until it expires. */
export function activeSecrets(s: WebhookSecrets, previousExpiresAt: Date | null, now = Date.now()): string[] {
  const list: string[] = [];
  if (s.current) list.push(s.current);
  if (s.previous && previousExpiresAt && previousExpiresAt.getTime() > now) list.push(s.previous);
  return list;
}

/**
 * `npm run vault:rotate`: re-seals every endpoint's secrets still under an older vault key. Rows are locked
 * and skipped when busy (like connections, server/connections/rotate.ts), so a concurrent secret change wins.
 */
export async function rotateWebhookSecrets(db: Database, keyring: Keyring, batchSize = 100): Promise<number> {
  const stale = and(isNotNull(webhookEndpoints.secretsCiphertext), ne(webhookEndpoints.secretsKeyVersion, keyring.current.version));
  return rotateInBatches(
    () =>
      db.transaction(async (tx) => {
        const rows = await tx.select().from(webhookEndpoints).where(stale).limit(batchSize).for("update", { skipLocked: true });
        for (const row of rows) {
          const sealed = sealWebhookSecrets(row.workspaceId, row.id, unsealWebhookSecrets(row, keyring), keyring);
          await tx.update(webhookEndpoints).set({ secretsCiphertext: sealed.ciphertext, secretsKeyVersion: sealed.keyVersion }).where(eq(webhookEndpoints.id, row.id));
        }
        return rows.length;
      }),
    async () => (await db.select({ n: count() }).from(webhookEndpoints).where(stale))[0]!.n,
  );
}
