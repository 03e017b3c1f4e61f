import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, runSteps, stepBlobs } from "../../db/schema";

type StepRow = typeof runSteps.$inferSelect;
type RunRow = typeof runs.$inferSelect;

/** Step rows with outputs stored by reference (over the inline limit) replaced by the whole stored value. */
export async function withWholeOutputs<T extends StepRow>(db: Database, steps: T[]): Promise<(T & { output: unknown })[]> {
  const refs = steps.map((s) => s.outputRef).filter((r): r is string => r !== null);
  const blobs = refs.length ? await db.select({ id: stepBlobs.id, data: stepBlobs.data }).from(stepBlobs).where(inArray(stepBlobs.id, refs)) : [];
  const byId = new Map(blobs.map((b) => [b.id, b.data]));
  return steps.map((s) => ({ ...s, output: s.outputRef ? byId.get(s.outputRef) : s.output }));
}

// A chain of retries longer than this is not worth walking.
const MAX_CHAIN = 20;

/**
 * The runs whose succeeded steps a retry from the failed step of `run` may reuse, nearest first: the run itself
 * and, while each was itself such a retry, the run it retried (whose steps it reused instead of running them).
 */
export async function reuseChain(db: Database, run: RunRow): Promise<string[]> {
  const ids = [run.id];
  let current: RunRow | undefined = run;
  while (ids.length < MAX_CHAIN && current?.retryMode === "failed_step" && current.retryOf) {
    ids.push(current.retryOf);
    current = await db.query.runs.findFirst({ where: and(eq(runs.id, current.retryOf), eq(runs.workspaceId, run.workspaceId)) });
  }
  return ids;
}

/**
 * The succeeded steps a retry from the failed step took over instead of running: those of the run it retried
 * (and, up a chain of such retries, of theirs) whose step key this run has no row for. Each carries the run it
 * came from, so the view can say "reused from run …" and link there.
 */
export async function reusedSteps(db: Database, run: RunRow, own: StepRow[]) {
  const seen = new Set(own.map((s) => s.stepKey));
  const out: (StepRow & { reusedFrom: string })[] = [];
  let current: RunRow | undefined = run;
  for (let i = 0; i < MAX_CHAIN && current?.retryMode === "failed_step" && current.retryOf; i += 1) {
    const from: string = current.retryOf;
    const rows = await db.select().from(runSteps).where(and(eq(runSteps.runId, from), eq(runSteps.status, "succeeded")));
    for (const r of rows) {
      if (seen.has(r.stepKey)) continue;
      seen.add(r.stepKey);
      out.push({ ...r, reusedFrom: from });
    }
    current = await db.query.runs.findFirst({ where: and(eq(runs.id, from), eq(runs.workspaceId, run.workspaceId)) });
  }
  out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return withWholeOutputs(db, out);
}
