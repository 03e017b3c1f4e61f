import { and, asc, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, runSteps, stepBlobs, workflowVersions } from "../../db/schema";
import { requireRole } from "../workspaces/access";
import { findRun } from "./commands";

export type RunFilters = {
  workflowId?: string;
  status?: ("queued" | "running" | "succeeded" | "failed" | "cancelled")[];
  versionId?: string;
  from?: Date;
  to?: Date;
  limit: number;
};

/** Runs of a workspace, newest first, with the version number they pinned (null: a test run of the draft). */
export async function listRuns(db: Database, userId: string, workspaceId: string, f: RunFilters) {
  await requireRole(db, userId, workspaceId, "viewer");
  const where: (SQL | undefined)[] = [
    eq(runs.workspaceId, workspaceId),
    f.workflowId ? eq(runs.workflowId, f.workflowId) : undefined,
    f.status?.length ? inArray(runs.status, f.status) : undefined,
    f.versionId ? eq(runs.workflowVersionId, f.versionId) : undefined,
    f.from ? gte(runs.createdAt, f.from) : undefined,
    // Inclusive to the millisecond: Postgres keeps microseconds, so a run's own createdAt (as the browser got it,
    // in ms) must still match it.
    f.to ? lt(runs.createdAt, new Date(f.to.getTime() + 1)) : undefined,
  ];
  return db
    .select({
      id: runs.id,
      workflowId: runs.workflowId,
      versionId: runs.workflowVersionId,
      versionNumber: workflowVersions.number,
      status: runs.status,
      error: runs.error,
      retryOf: runs.retryOf,
      createdAt: runs.createdAt,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
    })
    .from(runs)
    .leftJoin(workflowVersions, eq(workflowVersions.id, runs.workflowVersionId))
    .where(and(...where))
    .orderBy(desc(runs.createdAt))
    .limit(f.limit);
}

/** A run and every step attempt, outputs whole (blobs loaded): what the run view and its polling read. */
export async function getRun(db: Database, userId: string, workspaceId: string, runId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const run = await findRun(db, workspaceId, runId);
  const steps = await db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.attempt));
  const refs = steps.map((s) => s.outputRef).filter((r): r is string => r !== null);
  const blobs = refs.length ? await db.select({ id: stepBlobs.id, data: stepBlobs.data }).from(stepBlobs).where(inArray(stepBlobs.id, refs)) : [];
  const byId = new Map(blobs.map((b) => [b.id, b.data]));
  const { testGraph: _graph, ...rest } = run;
  return { ...rest, steps: steps.map((s) => ({ ...s, output: s.outputRef ? byId.get(s.outputRef) : s.output })) };
}
