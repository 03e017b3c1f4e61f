import { isDeepStrictEqual } from "node:util";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { checkJsonValue, jsonLimits } from "../../db/json";
import { users, workflows, workflowVersions } from "../../db/schema";
import { DomainError } from "../errors";
import { applyTriggerLifecycle } from "../triggers/lifecycle";
import { requireRole } from "../workspaces/access";
import { checkDraft, checkedGraph } from "./draft-check";

/**
 * Saves the draft if nobody saved since `draftRevision` (optimistic concurrency: a stale editor gets CONFLICT
 * instead of overwriting someone's work). A draft may be incomplete: any graph that is structurally sound is
 * stored (draft-check.ts), and its problems, each naming its node and field, come back with the save for the
 * editor to show; publishing refuses while they remain. Only a graph that cannot be stored at all is refused.
 *
 * `history` is the editor's undo history for this draft, stored with it in the same update so the two always
 * match (a save without one clears it). The server does not read it; it only bounds it by the shared JSON
 * limits. A history over them is not stored, and the answer says so in `historyNote`: losing undo steps must
 * not cost the person their save.
 *
 * The answer carries the draft's problems and, when storing changed the graph (defaults filled in), the graph as
 * stored, so an autosaving editor needs no second round trip. `draftGraph: null` means "stored as sent": the
 * usual autosave of a large draft then does not send it all back.
 */
export async function saveDraft(db: Database, userId: string, workspaceId: string, workflowId: string, draftRevision: number, graph: unknown, history: unknown = null) {
  await requireRole(db, userId, workspaceId, "editor");
  const { draft: draftGraph, problems } = await checkDraft(db, graph);
  const tooBig = history === null ? null : checkJsonValue(history, jsonLimits(), "The undo history");
  const draftHistory = tooBig ? null : history;
  const [saved] = await db
    .update(workflows)
    .set({ draftGraph, draftHistory, draftRevision: sql`${workflows.draftRevision} + 1`, updatedAt: new Date() })
    .where(and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId), eq(workflows.draftRevision, draftRevision)))
    .returning({ id: workflows.id, draftRevision: workflows.draftRevision });
  if (saved) {
    const stored = isDeepStrictEqual(draftGraph, graph) ? null : draftGraph;
    return { ...saved, draftGraph: stored, problems, historyNote: tooBig ? `The draft was saved without its undo history: ${tooBig.message}` : null };
  }
  const exists = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!exists) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  throw new DomainError("CONFLICT", `Someone saved this workflow since you opened it (revision ${exists.draftRevision}, yours ${draftRevision}). Reload to see their changes.`);
}

/**
 * Freezes the current draft as the next immutable version; runs pin versions, so later edits never change them.
 * Refused, listing every problem by node and field, while the draft has any.
 */
export async function publish(db: Database, userId: string, workspaceId: string, workflowId: string, message: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  const graph = await checkedGraph(db, wf.draftGraph, "The draft");
  const version = await db.transaction(async (tx) => {
    // Serialises concurrent publishes of one workflow, so version numbers never collide.
    await tx.select({ id: workflows.id }).from(workflows).where(eq(workflows.id, workflowId)).for("update");
    const [last] = await tx.select({ number: workflowVersions.number }).from(workflowVersions).where(eq(workflowVersions.workflowId, workflowId)).orderBy(desc(workflowVersions.number)).limit(1);
    const [version] = await tx
      .insert(workflowVersions)
      .values({ workflowId, number: (last?.number ?? 0) + 1, graph, message, publishedBy: userId })
      .returning({ id: workflowVersions.id, number: workflowVersions.number, message: workflowVersions.message, createdAt: workflowVersions.createdAt });
    return version!;
  });
  // An active workflow's triggers move to the new version at once (webhook settings, schedules, ...).
  if (wf.active) {
    await applyTriggerLifecycle({ db }, { workspaceId, workflowId, active: true, version: { id: version.id, number: version.number, graph } });
  }
  return version;
}

/** Published versions, newest first, with who published each (null once that account is deleted). */
export async function listVersions(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  return db
    .select({ id: workflowVersions.id, number: workflowVersions.number, message: workflowVersions.message, createdAt: workflowVersions.createdAt, publishedBy: users.name })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .leftJoin(users, eq(users.id, workflowVersions.publishedBy))
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflows.workspaceId, workspaceId)))
    .orderBy(desc(workflowVersions.number));
}

/** One published version with its frozen graph, for viewing it read-only. */
export async function getVersion(db: Database, userId: string, workspaceId: string, workflowId: string, versionId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const [v] = await db
    .select({ id: workflowVersions.id, number: workflowVersions.number, message: workflowVersions.message, createdAt: workflowVersions.createdAt, graph: workflowVersions.graph, publishedBy: users.name })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .leftJoin(users, eq(users.id, workflowVersions.publishedBy))
    .where(and(eq(workflowVersions.id, versionId), eq(workflowVersions.workflowId, workflowId), eq(workflows.workspaceId, workspaceId)));
  if (!v) throw new DomainError("NOT_FOUND", "Version not found for this workflow.");
  return v;
}
