import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, workflows, workflowVersions } from "../../db/schema";
import type { Graph } from "../../workflows/graph";
import type { AutomationInput } from "../../workflows/interpreter/types";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A run id derived from what started it (a trigger and an item's key), so the same item always maps to the same run. */
export function deterministicRunId(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `run_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export type TriggeredRun = { runId: string; trigger: Record<string, unknown> };

/**
 * Records runs a trigger starts (an id that exists already is left as it is) and returns them as interpreter
 * inputs. Starting one is idempotent (the run id is the workflow id, duplicates rejected), so a retried
 * activity may return the same runs again. `onlyNew` returns just the ids inserted now: for items that must
 * never run twice even when their workflow is long gone from Temporal (a polled item seen again after pruning).
 */
export async function recordTriggeredRuns(db: Database | Tx, at: { workspaceId: string; workflowId: string; versionId: string; graph: Graph }, list: TriggeredRun[], { onlyNew = false } = {}): Promise<AutomationInput[]> {
  if (list.length === 0) return [];
  const inserted = await db
    .insert(runs)
    .values(list.map((r) => ({ id: r.runId, workspaceId: at.workspaceId, workflowId: at.workflowId, workflowVersionId: at.versionId, trigger: r.trigger })))
    .onConflictDoNothing()
    .returning({ id: runs.id });
  const fresh = new Set(inserted.map((r) => r.id));
  return list.filter((r) => !onlyNew || fresh.has(r.runId)).map((r) => ({ runId: r.runId, workspaceId: at.workspaceId, graph: at.graph, trigger: r.trigger }));
}

/** The version's graph, if the workflow is still active and in this workspace; null otherwise (nothing should run). */
export async function activeVersion(db: Database, ref: { workspaceId: string; workflowId: string; versionId: string }): Promise<{ graph: Graph } | null> {
  const [row] = await db
    .select({ graph: workflowVersions.graph })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .where(and(eq(workflowVersions.id, ref.versionId), eq(workflows.id, ref.workflowId), eq(workflows.workspaceId, ref.workspaceId), eq(workflows.active, true)))
    .limit(1);
  return row ? { graph: row.graph as Graph } : null;
}
