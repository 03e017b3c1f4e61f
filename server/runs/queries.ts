import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, runSteps, workflows, workflowVersions } from "../../db/schema";
import { DomainError } from "../errors";
import { requireRole } from "../workspaces/access";
import { findRun } from "./commands";
import { reusedSteps, withWholeOutputs } from "./reused";
import { nodeOfStepKey } from "./test-slice";
import { forView, stepForView } from "./view-values";

export type RunFilters = {
  workflowId?: string;
  status?: ("queued" | "running" | "succeeded" | "succeeded_with_errors" | "failed" | "cancelled")[];
  versionId?: string;
  /** published: runs of a published version; test: test runs of a draft. */
  kind?: "all" | "published" | "test";
  /** What started the runs: the trigger node's kind (webhook, schedule, polling, app_webhook, manual). */
  triggerKind?: string;
  from?: Date;
  to?: Date;
  /** The id of the last run of the previous page ("load more"): the page starts after it. */
  cursor?: string;
  limit: number;
};

/**
 * Runs of a workspace, newest first, with the version number they pinned (null: a test run of the draft). Only
 * small columns: never run_steps, the trigger payload (its kind only) or a test run's graph, so the list costs
 * the same however much a run's steps stored.
 */
export async function listRuns(db: Database, userId: string, workspaceId: string, f: RunFilters) {
  await requireRole(db, userId, workspaceId, "viewer");
  const where: (SQL | undefined)[] = [
    eq(runs.workspaceId, workspaceId),
    f.workflowId ? eq(runs.workflowId, f.workflowId) : undefined,
    f.status?.length ? inArray(runs.status, f.status) : undefined,
    f.versionId ? eq(runs.workflowVersionId, f.versionId) : undefined,
    f.triggerKind ? sql`${runs.trigger}->>'kind' = ${f.triggerKind}` : undefined,
    f.kind === "published" ? isNotNull(runs.workflowVersionId) : f.kind === "test" ? isNull(runs.workflowVersionId) : undefined,
    f.from ? gte(runs.createdAt, f.from) : undefined,
    // Inclusive to the millisecond: Postgres keeps microseconds, so a run's own createdAt (as the browser got it,
    // in ms) must still match it.
    f.to ? lt(runs.createdAt, new Date(f.to.getTime() + 1)) : undefined,
    f.cursor ? await after(db, workspaceId, f.cursor) : undefined,
  ];
  return db
    .select({
      id: runs.id,
      workflowId: runs.workflowId,
      workflowName: workflows.name,
      versionId: runs.workflowVersionId,
      versionNumber: workflowVersions.number,
      status: runs.status,
      triggerKind: sql<string | null>`${runs.trigger}->>'kind'`,
      error: runs.error,
      retryOf: runs.retryOf,
      retryMode: runs.retryMode,
      // An editor test run's fixture, so lists label its data as test data.
      fixtureName: runs.fixtureName,
      isEditorTest: sql<boolean>`${runs.testScope} IS NOT NULL`,
      createdAt: runs.createdAt,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
    })
    .from(runs)
    .innerJoin(workflows, eq(workflows.id, runs.workflowId))
    .leftJoin(workflowVersions, eq(workflowVersions.id, runs.workflowVersionId))
    .where(and(...where))
    // The id breaks ties between runs created in the same microsecond, so pages never skip or repeat one.
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(f.limit);
}

/**
 * Keyset pagination: the runs after the cursor run (comparing with its time in JS skipped runs created in the
 * cursor's millisecond, just before it).
 */
async function after(db: Database, workspaceId: string, cursor: string): Promise<SQL> {
  const [c] = await db.select({ id: runs.id }).from(runs).where(and(eq(runs.id, cursor), eq(runs.workspaceId, workspaceId)));
  if (!c) throw new DomainError("BAD_REQUEST", "The page cursor names no run in this workspace.", { cursor: ["Unknown run"] });
  return olderThan(cursor);
}

/**
 * Runs strictly older than a run in (createdAt, id) order, as one row comparison the list indexes answer directly.
 * The run's time is read in SQL: Postgres keeps microseconds and a JS Date only milliseconds.
 */
export const olderThan = (runId: string): SQL => sql`(${runs.createdAt}, ${runs.id}) < (select c.created_at, c.id from runs c where c.id = ${runId})`;

/**
 * A run and every step attempt, outputs whole (blobs loaded) unless too deep or large to show (then a preview,
 * and the download route serves the whole): what the run view and its polling read. Also the
 * graph it ran (the pinned version's, or the draft a test run copied), so the view can draw it, and the steps
 * a retry from the failed step took over from earlier runs instead of running them again.
 */
export async function getRun(db: Database, userId: string, workspaceId: string, runId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const run = await findRun(db, workspaceId, runId);
  const steps = await db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.attempt));
  const wf = await db.query.workflows.findFirst({ where: eq(workflows.id, run.workflowId), columns: { name: true } });
  const version = run.workflowVersionId
    ? await db.query.workflowVersions.findFirst({ where: eq(workflowVersions.id, run.workflowVersionId), columns: { number: true, graph: true } })
    : undefined;
  const { testGraph, testPins, ...rest } = run;
  // Values too deep or too large for superjson and the browser go as previews, marked `truncated` (view-values.ts).
  const trigger = forView(rest.trigger);
  const error = forView(rest.error);
  return {
    ...rest,
    trigger: trigger.value,
    error: error.value,
    truncated: { ...(trigger.truncation && { trigger: trigger.truncation }), ...(error.truncation && { error: error.truncation }) },
    workflowName: wf?.name ?? "",
    versionNumber: version?.number ?? null,
    graph: (version ? version.graph : testGraph) ?? null,
    steps: (await withWholeOutputs(db, steps)).map(stepForView),
    reused: (await reusedSteps(db, run, steps)).map(stepForView),
    // An editor test run's stand-ins: outputs it used instead of running those steps (a fixture's, or a sample
    // run's), each saying where it came from, so no view shows them as a step that ran.
    pinned: pinnedForView(testPins),
  };
}

function pinnedForView(pins: unknown) {
  return Object.entries((pins ?? {}) as Record<string, { output: unknown; from: string }>).map(([stepKey, p]) => {
    const { value, truncation } = forView(p.output);
    return { stepKey, nodeId: nodeOfStepKey(stepKey), from: p.from, output: value, truncated: truncation };
  });
}

