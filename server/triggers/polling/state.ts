import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { pollingTriggerItems, pollingTriggers, runs, workflowVersions } from "../../../db/schema";
import { TRIGGER_RUN_BATCH } from "../../../workflows/constants";
import type { Graph } from "../../../workflows/graph";
import type { AutomationInput } from "../../../workflows/interpreter/types";
import { deterministicRunId, recordTriggeredRuns } from "../runs";

export type PollingTriggerRow = typeof pollingTriggers.$inferSelect;
export type PolledItem = { dedupeKey: string; data: unknown };

/**
 * Seen keys are pruned when they are older than KEEP_DAYS and not among the newest KEEP_KEYS of the trigger.
 * An item a third party returns again after that starts no second run if it had one (the run id is derived
 * from the key and the runs table refuses it); an item first seen by the seeding poll would fire then.
 */
const KEEP_DAYS = 30;
const KEEP_KEYS = 1_000;

export function loadPollingTrigger(db: Database, workflowId: string): Promise<PollingTriggerRow | undefined> {
  return db.query.pollingTriggers.findFirst({ where: eq(pollingTriggers.workflowId, workflowId) });
}

/**
 * Stores one poll's outcome in one transaction: the cursor, the keys seen, and a run per new item. The first
 * poll after activation (not yet seeded) records the keys with no run. Returns false when the trigger changed
 * source or went away while the poll ran (its result then means nothing and is dropped).
 */
export async function recordPoll(db: Database, row: PollingTriggerRow, result: { cursor: unknown; items: PolledItem[] }): Promise<{ recorded: boolean; seeded: boolean }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(pollingTriggers).where(eq(pollingTriggers.id, row.id)).for("update");
    if (!current || current.sourceHash !== row.sourceHash) return { recorded: false, seeded: false };
    const byKey = new Map<string, PolledItem>();
    for (const item of result.items) if (!byKey.has(item.dedupeKey)) byKey.set(item.dedupeKey, item);
    const seeding = !current.seeded;
    const keys = [...byKey.keys()];
    // One millisecond apart, so "oldest first" keeps the order the integration returned the items in.
    const t0 = Date.now();
    const fresh = keys.length === 0 ? [] : await tx
      .insert(pollingTriggerItems)
      .values(keys.map((dedupeKey, i) => ({ pollingTriggerId: row.id, dedupeKey, runId: seeding ? null : deterministicRunId(row.id, dedupeKey), firstSeenAt: new Date(t0 + i) })))
      .onConflictDoNothing()
      .returning({ dedupeKey: pollingTriggerItems.dedupeKey, runId: pollingTriggerItems.runId });
    if (!seeding && fresh.length > 0) {
      const graph = await versionGraph(tx, current.versionId);
      const triggered = fresh.map((f) => ({ runId: f.runId!, trigger: { kind: "polling", integration: current.integration, trigger: current.triggerKey, dedupeKey: f.dedupeKey, body: byKey.get(f.dedupeKey)!.data } }));
      const recorded = await recordTriggeredRuns(tx, { workspaceId: current.workspaceId, workflowId: current.workflowId, versionId: current.versionId, graph }, triggered, { onlyNew: true });
      // A key seen again after pruning whose run exists already: nothing to start, so not pending either.
      const started = new Set(recorded.map((r) => r.runId));
      const old = triggered.filter((t) => !started.has(t.runId)).map((t) => t.runId);
      if (old.length > 0) await markStarted(tx, row.id, old);
    }
    await tx
      .update(pollingTriggers)
      .set({ cursor: result.cursor ?? null, seeded: true, lastPolledAt: new Date(), lastError: null, updatedAt: new Date() })
      .where(eq(pollingTriggers.id, row.id));
    await pruneItems(tx, row.id);
    return { recorded: true, seeded: seeding };
  });
}

export async function recordPollError(db: Database, row: PollingTriggerRow, message: string): Promise<void> {
  await db.update(pollingTriggers).set({ lastError: message.slice(0, 2_000), lastPolledAt: new Date() }).where(eq(pollingTriggers.id, row.id));
}

/**
 * Runs recorded for new items whose workflow is not yet confirmed started (this round's, or an earlier round's
 * the worker crashed during), oldest first, at most one batch. Their run rows hold the item.
 */
export async function pendingRuns(db: Database, row: PollingTriggerRow): Promise<{ runs: AutomationInput[]; more: boolean }> {
  const pending = await db
    .select({ runId: runs.id, trigger: runs.trigger, versionId: runs.workflowVersionId })
    .from(pollingTriggerItems)
    .innerJoin(runs, eq(runs.id, pollingTriggerItems.runId))
    .where(and(eq(pollingTriggerItems.pollingTriggerId, row.id), isNotNull(pollingTriggerItems.runId), isNull(pollingTriggerItems.startedAt)))
    .orderBy(asc(pollingTriggerItems.firstSeenAt), asc(pollingTriggerItems.dedupeKey))
    .limit(TRIGGER_RUN_BATCH + 1);
  const graphs = new Map<string, Graph>();
  const out: AutomationInput[] = [];
  for (const p of pending.slice(0, TRIGGER_RUN_BATCH)) {
    const versionId = p.versionId ?? row.versionId;
    if (!graphs.has(versionId)) graphs.set(versionId, await versionGraph(db, versionId));
    out.push({ runId: p.runId, workspaceId: row.workspaceId, graph: graphs.get(versionId)!, trigger: p.trigger });
  }
  return { runs: out, more: pending.length > TRIGGER_RUN_BATCH };
}

export async function markStarted(db: Database | Tx, pollingTriggerId: string, runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db
    .update(pollingTriggerItems)
    .set({ startedAt: new Date() })
    .where(and(eq(pollingTriggerItems.pollingTriggerId, pollingTriggerId), inArray(pollingTriggerItems.runId, runIds)));
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function versionGraph(db: Database | Tx, versionId: string): Promise<Graph> {
  const [v] = await db.select({ graph: workflowVersions.graph }).from(workflowVersions).where(eq(workflowVersions.id, versionId));
  if (!v) throw new Error(`Workflow version ${versionId} is gone`);
  return v.graph as Graph;
}

/** Deletes old seen keys (see KEEP_DAYS); runs not yet confirmed started are always kept. */
export async function pruneItems(tx: Database | Tx, pollingTriggerId: string, keep = { days: KEEP_DAYS, keys: KEEP_KEYS }): Promise<void> {
  await tx.execute(sql`
    DELETE FROM ${pollingTriggerItems}
    WHERE ${pollingTriggerItems.pollingTriggerId} = ${pollingTriggerId}
      AND ${pollingTriggerItems.firstSeenAt} < now() - make_interval(days => ${keep.days})
      AND (${pollingTriggerItems.runId} IS NULL OR ${pollingTriggerItems.startedAt} IS NOT NULL)
      AND ${pollingTriggerItems.dedupeKey} NOT IN (
        SELECT dedupe_key FROM polling_trigger_items WHERE polling_trigger_id = ${pollingTriggerId}
        ORDER BY first_seen_at DESC LIMIT ${keep.keys})`);
}
