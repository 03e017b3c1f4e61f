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
  return rotateInBatches(
    () => rotateBatch(db, keyring, opts.batchSize ?? 100),
    () => remainingToRotate(db, keyring),
    opts.onBatch,
  );
}

/**
 * The loop every table vault:rotate re-seals shares: batches until no row is left under an older key. A batch
 * that re-sealed nothing while rows remain found them all locked by live writers (their writers hold them for
 * milliseconds): wait and go again, rather than report done while rows are still under a key the operator is
 * about to remove.
 */
export async function rotateInBatches(
  batch: () => Promise<number>,
  remaining: () => Promise<number>,
  onBatch?: (p: RotateProgress) => void | Promise<void>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rotated = await batch();
    total += rotated;
    const left = await remaining();
    await onBatch?.({ rotated: total, remaining: left });
    if (left === 0) return total;
    if (rotated === 0) await sleep(50);
  }
}
