import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, runSteps } from "../../db/schema";
import type { MappingWarning } from "../mapping/reference-warnings";
import type { StepFailure } from "./classify-error";
import type { ResourceUsage, StepLog } from "./executor";
import { withDbRetry } from "./db-retry";
import { fitLogs, logCaps, type LogCaps } from "./step-logs";

type StepId = { runId: string; nodeId: string; stepKey: string; attempt: number };

/**
 * A step still running after this long gets a "running" row so the run view can show it; quicker steps are
 * written once, when they end (one write per step instead of two: most steps take a few milliseconds).
 */
export const RUNNING_ROW_AFTER_MS = 150;

/** Marks the run running if it is still queued (one try: callers choose how to retry). */
export async function setRunRunning(db: Database, runId: string): Promise<void> {
  await db
    .update(runs)
    .set({ status: "running", startedAt: sql`coalesce(${runs.startedAt}, now())` })
    .where(and(eq(runs.id, runId), eq(runs.status, "queued")));
}

/** Marks the run running if it is still queued. Sent alongside the step's action, so it adds no latency. */
export async function markRunRunning(db: Database, runId: string): Promise<void> {
  await withDbRetry(() => setRunRunning(db, runId));
}

/** The "running" row of a slow step. Never overwrites: if the attempt's end was written first, that stays. */
export async function recordStepStarted(db: Database, id: StepId, input: unknown, startedAt: Date): Promise<void> {
  await withDbRetry(() => db.insert(runSteps).values({ ...id, status: "running", input: input ?? null, startedAt }).onConflictDoNothing());
}

export type StepEnd = {
  status: "succeeded" | "failed";
  input: unknown;
  output?: unknown;
  outputRef?: string;
  error?: { message: string; type: string };
  /** Why it failed and whether it is retried (classify-error.ts), for the run view. */
  failure?: StepFailure;
  startedAt: Date;
  usage?: ResourceUsage;
  logs?: StepLog[];
  /** What the input's mapping read from skipped or failed steps (reference-warnings.ts). */
  warnings?: MappingWarning[];
};

/**
 * The attempt's whole record, as one upsert (over its "running" row, if it had one). Its log lines are kept
 * within what is left of the run's log allowance (runs.log_bytes counts what the run's steps stored), in the
 * same transaction, so parallel steps of one run cannot spend the same bytes twice.
 */
export async function recordStepFinished(db: Database, id: StepId, end: StepEnd, caps: LogCaps = logCaps()): Promise<void> {
  const finishedAt = new Date();
  const row = {
    status: end.status,
    input: end.input ?? null,
    output: end.outputRef ? null : (end.output ?? null),
    outputRef: end.outputRef ?? null,
    error: end.error ?? null,
    errorCategory: end.failure?.category ?? null,
    errorRetryable: end.failure?.retryable ?? null,
    errorReason: end.failure?.reason ?? null,
    startedAt: end.startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - end.startedAt.getTime(),
    cpuMs: end.usage?.cpuMs ?? null,
    heapPeakBytes: end.usage?.heapPeakBytes ?? null,
    netBytes: end.usage?.netBytes ?? null,
    usage: end.usage?.sandbox ?? null,
    warnings: end.warnings?.length ? end.warnings : null,
  };
  await withDbRetry(() =>
    db.transaction(async (tx) => {
      const logs = end.logs?.length ? await spendRunLogBytes(tx, id.runId, end.logs, caps) : [];
      const set = { ...row, logs: logs.length ? logs : null };
      await tx
        .insert(runSteps)
        .values({ ...id, ...set })
        .onConflictDoUpdate({ target: [runSteps.runId, runSteps.stepKey, runSteps.attempt], set });
    }),
  );
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The lines that fit the run's remaining log allowance, counted against it. */
async function spendRunLogBytes(tx: Tx, runId: string, lines: StepLog[], caps: LogCaps): Promise<StepLog[]> {
  // NO KEY UPDATE: serialises the steps that log, but not the FK checks of steps inserting rows without logs.
  const [run] = await tx.select({ logBytes: runs.logBytes }).from(runs).where(eq(runs.id, runId)).for("no key update");
  const fitted = fitLogs(lines, caps.runBytes - (run?.logBytes ?? 0), caps.runBytes);
  if (fitted.bytes > 0) await tx.update(runs).set({ logBytes: sql`${runs.logBytes} + ${fitted.bytes}` }).where(eq(runs.id, runId));
  return fitted.lines;
}
