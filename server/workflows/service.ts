import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { workflows } from "../../db/schema";
import { DomainError } from "../errors";
import { requireRole } from "../workspaces/access";
import { checkDraft, problemsOf } from "./draft-check";

/** A new workflow starts with an empty canvas in the graph format of ARCHITECTURE.md §4. */
export const EMPTY_GRAPH = { schemaVersion: 1, nodes: [], edges: [] } as const;

const summary = {
  id: workflows.id,
  name: workflows.name,
  description: workflows.description,
  active: workflows.active,
  updatedAt: workflows.updatedAt,
  createdAt: workflows.createdAt,
};

export async function listWorkflows(db: Database, userId: string, workspaceId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  return db.select(summary).from(workflows).where(eq(workflows.workspaceId, workspaceId)).orderBy(desc(workflows.updatedAt));
}

async function findInWorkspace(db: Database, workspaceId: string, workflowId: string) {
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  return wf;
}

/** The workflow with its draft's problems (what blocks publishing), so the editor shows them on opening too. */
export async function getWorkflow(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const wf = await findInWorkspace(db, workspaceId, workflowId);
  return { ...wf, draftProblems: await problemsOf(db, wf.draftGraph) };
}

/**
 * A new workflow; `graph` is the draft it starts with (the catalogue's "Use in a new workflow" starts it with that
 * step), checked as a saved draft is: one that is not a graph at all is refused, problems are the editor's to show.
 */
export async function createWorkflow(db: Database, userId: string, workspaceId: string, name: string, graph?: unknown) {
  await requireRole(db, userId, workspaceId, "editor");
  const draftGraph = graph === undefined ? EMPTY_GRAPH : (await checkDraft(db, graph)).draft;
  const [wf] = await db.insert(workflows).values({ workspaceId, name, draftGraph, createdBy: userId }).returning(summary);
  return wf!;
}

export async function renameWorkflow(db: Database, userId: string, workspaceId: string, workflowId: string, name: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const [wf] = await db
    .update(workflows)
    .set({ name, updatedAt: new Date() })
    .where(and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)))
    .returning(summary);
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  return wf;
}

/** Copies the draft (not the published versions or runs) under a new name; the copy starts inactive. */
export async function duplicateWorkflow(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const source = await findInWorkspace(db, workspaceId, workflowId);
  const [wf] = await db
    .insert(workflows)
    .values({
      workspaceId,
      name: `${source.name} (copy)`.slice(0, 120),
      description: source.description,
      draftGraph: source.draftGraph,
      createdBy: userId,
    })
    .returning(summary);
  return wf!;
}

export async function deleteWorkflow(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const deleted = await db
    .delete(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)))
    .returning({ id: workflows.id });
  if (deleted.length === 0) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  return { id: workflowId };
}
