import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs } from "../../db/schema";
import { diffGraphs, type DiffGraph, type GraphDiff } from "../../workflows/graph/diff";
import { DomainError } from "../errors";
import { requireRole } from "../workspaces/access";
import { getRun, olderThan } from "./queries";
import { diffValues, type ValueDiff } from "./value-diff";

type Run = Awaited<ReturnType<typeof getRun>>;
type Step = Run["steps"][number];

export type RunSide = { id: string; status: string; versionNumber: number | null; createdAt: Date; durationMs: number | null; failedStep: string | null };
export type StepSide = { status: string; attempt: number; durationMs: number | null };
export type StepComparison = { stepKey: string; nodeId: string; a: StepSide | null; b: StepSide | null; input: ValueDiff; output: ValueDiff };

export type RunComparison = {
  workflowName: string;
  a: RunSide;
  b: RunSide;
  /** What changed in the workflow between the two runs; null when both ran the same graph. */
  versionDiff: GraphDiff | null;
  trigger: ValueDiff;
  steps: StepComparison[];
};

const asDiffGraph = (g: unknown): DiffGraph => {
  const graph = (g ?? {}) as Partial<DiffGraph>;
  return { nodes: Array.isArray(graph.nodes) ? graph.nodes : [], edges: Array.isArray(graph.edges) ? graph.edges : [] };
};

/** The last attempt of each step (loops: each item's key), in the order the run first reached them. */
function lastAttempts(steps: Step[]): Map<string, Step> {
  const last = new Map<string, Step>();
  for (const s of steps) if (!last.has(s.stepKey) || s.attempt >= last.get(s.stepKey)!.attempt) last.set(s.stepKey, s);
  return last;
}

const failedNode = (error: unknown) => {
  const nodeId = (error as { nodeId?: unknown } | null)?.nodeId;
  return typeof nodeId === "string" ? nodeId : null;
};
const sideOf = (run: Run): RunSide => ({
  id: run.id,
  status: run.status,
  versionNumber: run.versionNumber,
  createdAt: run.createdAt,
  durationMs: run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  failedStep: failedNode(run.error),
});
const stepSide = (s: Step | undefined): StepSide | null => (s ? { status: s.status, attempt: s.attempt, durationMs: s.durationMs ?? null } : null);

/**
 * Two runs of one workflow side by side: what changed in the workflow between them, in the data that triggered
 * them, and in each step (status, duration, input and output). `a` is the earlier or the reference run.
 */
export async function compareRuns(db: Database, userId: string, workspaceId: string, aId: string, bId: string): Promise<RunComparison> {
  if (aId === bId) throw new DomainError("BAD_REQUEST", "Choose two different runs to compare.", { otherRunId: ["The same run"] });
  const [a, b] = [await getRun(db, userId, workspaceId, aId), await getRun(db, userId, workspaceId, bId)];
  if (a.workflowId !== b.workflowId) {
    throw new DomainError("BAD_REQUEST", `These runs belong to different workflows (“${a.workflowName}” and “${b.workflowName}”). Compare two runs of one workflow.`, { otherRunId: ["A run of another workflow"] });
  }
  const graphDiff = diffGraphs(asDiffGraph(a.graph), asDiffGraph(b.graph));
  const sameGraph = a.workflowVersionId !== null && a.workflowVersionId === b.workflowVersionId;
  const stepsA = lastAttempts(a.steps);
  const stepsB = lastAttempts(b.steps);
  const keys = [...new Set([...stepsB.keys(), ...stepsA.keys()])];
  return {
    workflowName: b.workflowName,
    a: sideOf(a),
    b: sideOf(b),
    versionDiff: sameGraph ? null : graphDiff,
    trigger: diffValues(a.trigger, b.trigger),
    steps: keys.map((key) => {
      const sa = stepsA.get(key);
      const sb = stepsB.get(key);
      return { stepKey: key, nodeId: (sb ?? sa)!.nodeId, a: stepSide(sa), b: stepSide(sb), input: diffValues(sa?.input, sb?.input), output: diffValues(sa?.output, sb?.output) };
    }),
  };
}

/**
 * The run to compare a failed run with: the workflow's last successful run before it, of the same kind (a
 * published version's run with published runs, a draft test with draft tests). Null when it never worked.
 */
export async function lastSuccessBefore(db: Database, userId: string, workspaceId: string, runId: string): Promise<{ runId: string | null }> {
  await requireRole(db, userId, workspaceId, "viewer");
  const [run] = await db.select({ workflowId: runs.workflowId, versionId: runs.workflowVersionId }).from(runs).where(and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)));
  if (!run) throw new DomainError("NOT_FOUND", "Run not found in this workspace.");
  const [found] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, workspaceId),
        eq(runs.workflowId, run.workflowId),
        eq(runs.status, "succeeded"),
        run.versionId ? isNotNull(runs.workflowVersionId) : isNull(runs.workflowVersionId),
        olderThan(runId),
      ),
    )
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(1);
  return { runId: found?.id ?? null };
}
