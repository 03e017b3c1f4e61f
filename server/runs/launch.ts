import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, workflows, workflowVersions } from "../../db/schema";
import { temporal } from "../../workflows/client";
import { temporalConfig } from "../../workflows/config";
import type { automation } from "../../workflows/automation";
import type { Graph } from "../../workflows/graph";
import { AUTOMATION_WORKFLOW } from "../../workflows/constants";
import { DomainError } from "../errors";

export type Launch = {
  workspaceId: string;
  workflowId: string;
  /** null: a test run of the draft, whose graph is kept on the run. */
  versionId: string | null;
  graph: Graph;
  trigger: unknown;
  retryOf?: string;
  retryMode?: "start" | "failed_step" | "latest_version";
  resume?: Record<string, unknown>;
  /** An editor test run (server/runs/test-run.ts): only ever of the draft. */
  test?: TestData;
};

/** What an editor test run records about its test data; `pins` by step key, each saying where it came from. */
export type TestData = {
  fixtureId: string | null;
  fixtureName: string | null;
  scope: { mode: "workflow" | "step" | "from"; nodeId?: string };
  pins: Record<string, { output: unknown; from: string }>;
};

/** Records the run, then starts its interpreter workflow with the run id as workflowId. */
export async function launchRun(db: Database, l: Launch): Promise<{ runId: string }> {
  // Test data never reaches production; the runs table and the interpreter refuse it too.
  if (l.test && l.versionId !== null) throw new DomainError("BAD_REQUEST", "Test data (a fixture or pinned step outputs) can only be used by a test run of the draft.");
  const runId = `run_${randomUUID()}`;
  await db.insert(runs).values({
    id: runId,
    workspaceId: l.workspaceId,
    workflowId: l.workflowId,
    workflowVersionId: l.versionId,
    testGraph: l.versionId ? null : l.graph,
    trigger: l.trigger ?? {},
    retryOf: l.retryOf ?? null,
    retryMode: l.retryMode ?? null,
    fixtureId: l.test?.fixtureId ?? null,
    fixtureName: l.test?.fixtureName ?? null,
    testScope: l.test?.scope ?? null,
    testPins: l.test ? l.test.pins : null,
  });
  try {
    const { client } = await temporal();
    await client.workflow.start<typeof automation>(AUTOMATION_WORKFLOW, {
      taskQueue: temporalConfig().taskQueue,
      workflowId: runId,
      args: [{ runId, workspaceId: l.workspaceId, graph: l.graph, trigger: l.trigger, resume: l.resume, versionId: l.versionId, ...(l.test && { test: { pins: Object.fromEntries(Object.entries(l.test.pins).map(([k, p]) => [k, p.output])) } }) }],
    });
  } catch (err) {
    await db.update(runs).set({ status: "failed", error: { message: `Could not start: ${(err as Error).message}` }, finishedAt: new Date() }).where(eq(runs.id, runId));
    throw err;
  }
  return { runId };
}

/** A workflow's published version: the given one, or the latest. */
export async function pinnedVersion(db: Database, workspaceId: string, workflowId: string, versionId?: string) {
  const [v] = await db
    .select({ id: workflowVersions.id, graph: workflowVersions.graph, number: workflowVersions.number })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflows.workspaceId, workspaceId), versionId ? eq(workflowVersions.id, versionId) : undefined))
    .orderBy(desc(workflowVersions.number))
    .limit(1);
  if (!v) throw new DomainError(versionId ? "NOT_FOUND" : "BAD_REQUEST", versionId ? "Version not found for this workflow." : "Publish the workflow before running it, or start a test run of the draft.");
  return { id: v.id, graph: v.graph as Graph, number: v.number };
}
