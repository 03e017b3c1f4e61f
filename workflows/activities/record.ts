import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, runSteps } from "../../db/schema";
import type { ResourceUsage, StepLog } from "./executor";
import { withDbRetry } from "./db-retry";

type StepId = { runId: string; nodeId: string; stepKey: string; attempt: number };

/** Records an attempt as running (and the run as running, if it was queued). Upsert: a retried write is harmless. */
export async function recordStepStarted(db: Database, id: StepId, input: unknown, startedAt: Date): Promise<void> {
  await withDbRetry(async () => {
    await db
      .update(runs)
      .set({ status: "running", startedAt: sql`coalesce(${runs.startedAt}, now())` })
      .where(and(eq(runs.id, id.runId), eq(runs.status, "queued")));
    await db
      .insert(runSteps)
      .values({ ...id, status: "running", input: input ?? null, startedAt })
      .onConflictDoUpdate({ target: [runSteps.runId, runSteps.stepKey, runSteps.attempt], set: { status: "running", input: input ?? null, startedAt } });
  });
}

export type StepEnd = {
  status: "succeeded" | "failed";
  output?: unknown;
  outputRef?: string;
  error?: { message: string; type: string };
  startedAt: Date;
  usage?: ResourceUsage;
  logs?: StepLog[];
};

export async function recordStepFinished(db: Database, id: StepId, end: StepEnd): Promise<void> {
  const finishedAt = new Date();
  await withDbRetry(() =>
    db
      .update(runSteps)
      .set({
        status: end.status,
        output: end.outputRef ? null : (end.output ?? null),
        outputRef: end.outputRef ?? null,
        error: end.error ?? null,
        finishedAt,
        durationMs: finishedAt.getTime() - end.startedAt.getTime(),
        cpuMs: end.usage?.cpuMs ?? null,
        heapPeakBytes: end.usage?.heapPeakBytes ?? null,
        netBytes: end.usage?.netBytes ?? null,
        usage: end.usage?.sandbox ?? null,
        logs: end.logs?.length ? end.logs : null,
      })
      .where(and(eq(runSteps.runId, id.runId), eq(runSteps.stepKey, id.stepKey), eq(runSteps.attempt, id.attempt))),
  );
}
