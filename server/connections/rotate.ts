import { asc, count, eq, ne } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "../../db/client";
import { connections } from "../../db/schema";
import type { Keyring } from "./keyring";
import { sealConnection, unsealConnection } from "./row-seal";

export type RotateProgress = { rotated: number; remaining: number };

/**
 * Re-encrypts one batch of connections still under an older key. Rows are locked FOR UPDATE SKIP LOCKED:
 * a row a live update holds is skipped now and picked up by a later batch (and the update itself re-seals it
 * under the current key), so rotation never waits on, or overwrites, a concurrent write.
 */
export async function rotateBatch(db: Database, keyring: Keyring, batchSize: number): Promise<number> {
  const current = keyring.current.version;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(connections)
      .where(ne(connections.keyVersion, current))
      .orderBy(asc(connections.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      const secrets = unsealConnection(row, keyring);
      await tx.update(connections).set(sealConnection(row.workspaceId, row.id, secrets, keyring)).where(eq(connections.id, row.id));
    }
    return rows.length;
  });
}

export async function remainingToRotate(db: Database, keyring: Keyring): Promise<number> {
  const [r] = await db.select({ n: count() }).from(connections).where(ne(connections.keyVersion, keyring.current.version));
  return r!.n;
}

/** Rotates every connection to the current key, batch by batch, until none is left under an older one. */
export async function rotateAll(
  db: Database,
  keyring: Keyring,
  opts: { batchSize?: number; onBatch?: (p: RotateProgress) => void | Promise<void> } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const rotated = await rotateBatch(db, keyring, opts.batchSize ?? 100);
    total += rotated;
    const remaining = await remainingToRotate(db, keyring);
    await opts.onBatch?.({ rotated: total, remaining });
    if (remaining === 0) return total;
    // Only locked rows were left: their writers hold them for milliseconds.
    if (rotated === 0) await sleep(50);
  }
}
