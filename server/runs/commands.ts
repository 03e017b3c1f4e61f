import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { checkJsonValue, jsonLimits } from "../../db/json";
import { runs, runSteps, stepBlobs, workflows } from "../../db/schema";
import { temporal } from "../../workflows/client";
import { type Graph } from "../../workflows/graph";
import { DomainError, fieldError } from "../errors";
import { checkedGraph } from "../workflows/draft-check";
import { requireRole } from "../workspaces/access";
import { launchRun, pinnedVersion, type TestData } from "./launch";
import { reusableNodes } from "./reusable-nodes";
import { reuseChain } from "./reused";
import { nodeOfStepKey } from "./test-slice";

export type StartRun = { workflowId: string; input: Record<string, unknown>; versionId?: string; draft?: boolean; trigger?: Record<string, unknown> };

/** A manual run with the given input as trigger body: of a pinned published version, or a test run of the draft. */
export async function startRun(db: Database, userId: string, workspaceId: string, s: StartRun) {
  await requireRole(db, userId, workspaceId, "editor");
  // A caller may give the whole trigger data (server/triggers/manual.ts: the shape of a webhook delivery).
  const trigger = s.trigger ?? { kind: "manual", body: s.input };
  // Checked before the run row exists: a run input Temporal would refuse (its payload limit is 2 MB) used to
  // leave a failed run behind, and a deep one overflowed the stack on its way to Postgres.
  const tooBig = checkJsonValue(trigger, jsonLimits(), "The run input");
  if (tooBig) throw fieldError("input", tooBig.message);
  if (!s.draft) {
    const v = await pinnedVersion(db, workspaceId, s.workflowId, s.versionId);
    return launchRun(db, { workspaceId, workflowId: s.workflowId, versionId: v.id, graph: v.graph, trigger });
  }
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, s.workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  const graph = await checkedGraph(db, wf.draftGraph);
  return launchRun(db, { workspaceId, workflowId: s.workflowId, versionId: null, graph, trigger });
}

export async function findRun(db: Database, workspaceId: string, runId: string) {
  const run = await db.query.runs.findFirst({ where: and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)) });
  if (!run) throw new DomainError("NOT_FOUND", "Run not found in this workspace.");
  return run;
}

/** Asks Temporal to cancel; the interpreter records "cancelled" as it stops (running steps are cancelled too). */
export async function cancelRun(db: Database, userId: string, workspaceId: string, runId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const run = await findRun(db, workspaceId, runId);
  if (run.status !== "queued" && run.status !== "running") throw new DomainError("CONFLICT", `The run has already ${run.status}.`);
  const { client } = await temporal();
  await client.workflow.getHandle(runId).cancel();
  return { runId };
}

/**
 * Retries a run as a new run with the same trigger data: from the start, or from the failed step, reusing the
 * outputs of every step that succeeded (by step key, so loop items that succeeded are reused too). On the version
 * the run used (`on: "its_version"`), or on the workflow's current published version (`on: "latest"`: the fix was
 * published after the failure), where only the outputs of steps that are unchanged, upstream included, are reused.
 */
export async function retryRun(db: Database, userId: string, workspaceId: string, runId: string, from: "start" | "failed_step", on: "its_version" | "latest" = "its_version") {
  await requireRole(db, userId, workspaceId, "editor");
  const run = await findRun(db, workspaceId, runId);
  if (from === "failed_step" && run.status !== "failed" && run.status !== "succeeded_with_errors") {
    throw new DomainError("CONFLICT", "Only a run with a failed step can be retried from its failed step.");
  }
  const ran = run.workflowVersionId ? (await pinnedVersion(db, workspaceId, run.workflowId, run.workflowVersionId)).graph : (run.testGraph as Graph);
  if (on === "latest" && !run.workflowVersionId) throw new DomainError("BAD_REQUEST", "A test run of the draft has no published version to move to; test the draft again instead.");
  const latest = on === "latest" ? await pinnedVersion(db, workspaceId, run.workflowId) : undefined;
  const graph = latest ? latest.graph : ran;
  let resume = from === "failed_step" ? await succeededOutputs(db, run) : undefined;
  if (resume && latest) {
    const keep = reusableNodes(ran, latest.graph);
    resume = Object.fromEntries(Object.entries(resume).filter(([key]) => keep.has(nodeOfStepKey(key))));
  }
  // A retried editor test is still that test: the same fixture's data, pinned the same way.
  const test = run.testScope ? { fixtureId: run.fixtureId, fixtureName: run.fixtureName, scope: run.testScope as TestData["scope"], pins: (run.testPins ?? {}) as TestData["pins"] } : undefined;
  return launchRun(db, { workspaceId, workflowId: run.workflowId, versionId: latest?.id ?? run.workflowVersionId, graph, trigger: run.trigger, retryOf: runId, retryMode: from, resume, test });
}

/** The same trigger data again, on the workflow's latest published version. */
export async function rerunOnLatest(db: Database, userId: string, workspaceId: string, runId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const run = await findRun(db, workspaceId, runId);
  // A fixture's data (or outputs it pinned) is test data: it never becomes a production run's trigger.
  if (run.testScope && (run.fixtureName || Object.keys(run.testPins ?? {}).length > 0)) {
    throw new DomainError("BAD_REQUEST", "This test run used a test fixture's data; it cannot be re-run as a run of the published version. Start a run with real trigger data instead.");
  }
  const v = await pinnedVersion(db, workspaceId, run.workflowId);
  return launchRun(db, { workspaceId, workflowId: run.workflowId, versionId: v.id, graph: v.graph, trigger: run.trigger, retryOf: runId, retryMode: "latest_version" });
}

/** Outputs to reuse by step key: the run's own succeeded steps, then those it reused itself, up its retry chain. */
export async function succeededOutputs(db: Database, run: typeof runs.$inferSelect): Promise<Record<string, unknown>> {
  const chain = await reuseChain(db, run);
  const rows = await db
    .select({ runId: runSteps.runId, stepKey: runSteps.stepKey, output: runSteps.output, outputRef: runSteps.outputRef, sizeBytes: stepBlobs.sizeBytes })
    .from(runSteps)
    .leftJoin(stepBlobs, eq(stepBlobs.id, runSteps.outputRef))
    .where(and(inArray(runSteps.runId, chain), eq(runSteps.status, "succeeded")))
    .orderBy(asc(runSteps.attempt));
  // Oldest run first and, within a run, the latest attempt last, so the nearest run's latest output wins.
  rows.sort((a, b) => chain.indexOf(b.runId) - chain.indexOf(a.runId));
  // A blob stays where it is (the new run's steps read it by reference, like the old run's did).
  return Object.fromEntries(rows.map((r) => [r.stepKey, r.outputRef ? { $blob: r.outputRef, sizeBytes: r.sizeBytes ?? 0 } : r.output]));
}
