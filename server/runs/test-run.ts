import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { checkJsonValue, jsonLimits } from "../../db/json";
import { runs, workflows } from "../../db/schema";
import { DomainError, fieldError } from "../errors";
import { findFixture } from "../fixtures/service";
import { manualTrigger, type TestPayload } from "../triggers/manual";
import { checkedGraph } from "../workflows/draft-check";
import { requireRole } from "../workspaces/access";
import { findRun, succeededOutputs } from "./commands";
import { launchRun, type TestData } from "./launch";
import { downstreamOf, nodeOfStepKey, sliceTo } from "./test-slice";

export type TestMode = "workflow" | "step" | "from";

export type TestRunRequest = {
  workflowId: string;
  mode: TestMode;
  /** The step to test ("step") or to run from ("from"). */
  nodeId?: string;
  fixtureId?: string;
  /** Trigger data entered for this test only, when no fixture is chosen. */
  payload?: TestPayload;
  /** The editor's current draft (its unsaved edits included); the saved draft when absent. */
  graph?: unknown;
  /** The run whose step outputs stand in for the steps before the tested one (its latest test run, usually). */
  sampleRunId?: string;
};

type LooseGraph = { nodes: { id: string; kind?: unknown }[]; edges: { id: string; source: string; target: string }[] };

function shapeOf(graph: unknown): LooseGraph | null {
  const g = graph as Partial<LooseGraph> | null;
  return g && Array.isArray(g.nodes) && Array.isArray(g.edges) ? (g as LooseGraph) : null;
}

/** The sample's step outputs (its own and those it reused or had pinned), keeping where each came from. */
async function sampleOutputs(db: Database, sample: typeof runs.$inferSelect): Promise<TestData["pins"]> {
  const pins: TestData["pins"] = { ...((sample.testPins ?? {}) as TestData["pins"]) };
  for (const [key, output] of Object.entries(await succeededOutputs(db, sample))) pins[key] = { output, from: sample.id };
  return pins;
}

/**
 * The editor's test runs, always of the draft and never of a published version: the whole draft ("workflow"),
 * one step with what leads to it ("step"), or everything from one step on ("from"). Steps before the tested one
 * take their outputs from the fixture's pinned outputs, else from the sample run, else run for real.
 */
export async function startTestRun(db: Database, userId: string, workspaceId: string, r: TestRunRequest) {
  await requireRole(db, userId, workspaceId, "editor");
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, r.workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  const fixture = r.fixtureId ? await findFixture(db, workspaceId, r.fixtureId) : null;
  if (fixture && fixture.workflowId !== wf.id) throw fieldError("fixtureId", "That test fixture belongs to another workflow.");
  const draft = shapeOf(r.graph ?? wf.draftGraph);
  if (!draft) throw fieldError("graph", "The draft is not a workflow graph (it needs nodes and edges lists).");
  const nodeId = r.mode === "workflow" ? undefined : r.nodeId;
  if (r.mode !== "workflow") {
    const node = draft.nodes.find((n) => n.id === nodeId);
    if (!nodeId || !node) throw fieldError("nodeId", nodeId ? `The draft has no step "${nodeId}".` : "Choose the step to test.");
    if (node.kind === "trigger") throw fieldError("nodeId", "The trigger is not a step to test on its own: test the workflow with a fixture instead.");
  }
  const sample = r.sampleRunId && r.mode !== "workflow" ? await findRun(db, workspaceId, r.sampleRunId) : null;
  if (sample && sample.workflowId !== wf.id) throw fieldError("sampleRunId", "That run is not a run of this workflow.");

  const graph = await checkedGraph(db, r.mode === "step" ? sliceTo(draft, nodeId!) : draft, r.mode === "step" ? `The steps up to "${nodeId}"` : "The draft");
  const pins: TestData["pins"] = sample ? await sampleOutputs(db, sample) : {};
  for (const [key, output] of Object.entries((fixture?.pinned ?? {}) as Record<string, unknown>)) pins[key] = { output, from: "fixture" };
  // The tested step, and from "from" on everything after it, runs for real; steps no longer in the graph drop out.
  const live = r.mode === "workflow" ? new Set<string>() : r.mode === "step" ? new Set([nodeId!]) : downstreamOf(graph, nodeId!).add(nodeId!);
  const present = new Set(graph.nodes.map((n) => n.id));
  for (const key of Object.keys(pins)) if (live.has(nodeOfStepKey(key)) || !present.has(nodeOfStepKey(key))) delete pins[key];

  const trigger = fixture?.trigger ?? (r.payload ? manualTrigger(r.payload) : (sample?.trigger ?? manualTrigger({})));
  const tooBig = checkJsonValue({ trigger, pins }, jsonLimits(), "The test data");
  if (tooBig) throw fieldError("fixtureId", tooBig.message);
  const test: TestData = { fixtureId: fixture?.id ?? null, fixtureName: fixture?.name ?? null, scope: { mode: r.mode, ...(nodeId && { nodeId }) }, pins };
  return launchRun(db, { workspaceId, workflowId: wf.id, versionId: null, graph, trigger, test });
}

/** The newest editor test run of a workflow, so the editor shows its results again after a reload. */
export async function latestTestRun(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const [run] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.workspaceId, workspaceId), eq(runs.workflowId, workflowId), isNotNull(runs.testScope)))
    .orderBy(desc(runs.createdAt))
    .limit(1);
  return { runId: run?.id ?? null };
}
