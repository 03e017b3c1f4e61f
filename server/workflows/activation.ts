import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { workflows, workflowVersions } from "../../db/schema";
import type { Graph } from "../../workflows/graph";
import { DomainError } from "../errors";
import { applyTriggerLifecycle } from "../triggers/lifecycle";
import { requireRole } from "../workspaces/access";
import { checkedGraph } from "./draft-check";

/** The latest published version of a workflow, or null when it was never published. */
export async function latestVersion(db: Database, workflowId: string) {
  const [v] = await db
    .select({ id: workflowVersions.id, number: workflowVersions.number, graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId))
    .orderBy(desc(workflowVersions.number))
    .limit(1);
  return v ? { id: v.id, number: v.number, graph: v.graph as Graph } : null;
}

/**
 * Turns a workflow's triggers on or off: the latest published version is what its triggers start. When a
 * trigger cannot be set up, the workflow is left inactive (and whatever was set up is torn down again), so the
 * switch never says "on" while nothing listens.
 */
export async function setActive(db: Database, userId: string, workspaceId: string, workflowId: string, active: boolean) {
  await requireRole(db, userId, workspaceId, "editor");
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  const version = await latestVersion(db, workflowId);
  if (active && !version) throw new DomainError("BAD_REQUEST", "Publish the workflow before activating it: its triggers start the published version.");
  // Publishing refuses a draft with problems, so a version has none unless the rules grew stricter since (or an
  // integration version it uses was withdrawn): then its triggers would start runs that cannot work.
  if (active && version) await checkedGraph(db, version.graph, `Published version ${version.number}`);
  await db.update(workflows).set({ active, updatedAt: new Date() }).where(eq(workflows.id, workflowId));
  try {
    await applyTriggerLifecycle({ db }, { workspaceId, workflowId, active, version });
  } catch (err) {
    if (active) {
      await db.update(workflows).set({ active: false }).where(eq(workflows.id, workflowId));
      await applyTriggerLifecycle({ db }, { workspaceId, workflowId, active: false, version }).catch(() => {});
    }
    throw err;
  }
  return { id: workflowId, active, versionNumber: version?.number ?? null };
}
