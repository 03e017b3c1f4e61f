import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, runSteps } from "../../db/schema";
import type { FinishRequest } from "../interpreter/types";

/**
 * Records how a run ended. Only a run still queued or running changes: a repeated call is harmless. A run that
 * reached its end while a step set to continue (or route) on error failed is not plain "succeeded": it is
 * "succeeded_with_errors", so lists, filters and counts do not pass it off as clean. A step counts as failed when
 * its last attempt failed (an attempt that failed and was retried into success is not an error of the run).
 */
export function createFinishRun(db: Database) {
  return async function finishRun(req: FinishRequest): Promise<void> {
    const status =
      req.status === "succeeded"
        ? sql`CASE WHEN EXISTS (
            SELECT 1 FROM ${runSteps} s WHERE s.run_id = ${req.runId} AND s.status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM ${runSteps} l WHERE l.run_id = s.run_id AND l.step_key = s.step_key AND l.attempt > s.attempt)
          ) THEN 'succeeded_with_errors'::run_status ELSE 'succeeded'::run_status END`
        : req.status;
    // No withDbRetry: this activity's own Temporal retry policy (unlimited, capped backoff) outlasts any restart.
    await db
      .update(runs)
      .set({ status, error: req.error ?? null, finishedAt: new Date(), startedAt: sql`coalesce(${runs.startedAt}, now())` })
      .where(and(eq(runs.id, req.runId), inArray(runs.status, ["queued", "running"])));
  };
}
