import type { Database } from "../../db/client";
import { runSteps } from "../../db/schema";
import type { ControlRecord } from "../interpreter/types";

/**
 * Writes a control node's state to run_steps (attempt 1: control nodes are evaluated, never retried). An upsert,
 * so the "running" row of a delay or loop becomes its end, and a repeated call changes nothing.
 */
export function createRecordControl(db: Database) {
  return async function recordControl(req: ControlRecord): Promise<void> {
    // No withDbRetry: the interpreter's retry policy for bookkeeping outlasts a Postgres restart.
    const row = {
      status: req.status,
      input: req.input ?? null,
      output: req.output ?? null,
      error: req.error ?? null,
      startedAt: new Date(req.startedAtMs),
      finishedAt: req.finishedAtMs === undefined ? null : new Date(req.finishedAtMs),
      durationMs: req.finishedAtMs === undefined ? null : req.finishedAtMs - req.startedAtMs,
    };
    await db
      .insert(runSteps)
      .values({ runId: req.runId, nodeId: req.nodeId, stepKey: req.stepKey, attempt: 1, ...row })
      .onConflictDoUpdate({ target: [runSteps.runId, runSteps.stepKey, runSteps.attempt], set: row });
  };
}
