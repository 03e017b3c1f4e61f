import type { Database } from "../../db/client";
import { runSteps } from "../../db/schema";
import type { ControlRecord } from "../interpreter/types";
import { setRunRunning } from "./record";

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
    // A run whose first node is a control node (a delay, say) is under way now: mark it running here, alongside
    // the record (setRunRunning only changes a queued run), rather than in a round trip of its own.
    await Promise.all([
      setRunRunning(db, req.runId),
      db
        .insert(runSteps)
        .values({ runId: req.runId, nodeId: req.nodeId, stepKey: req.stepKey, attempt: 1, ...row })
        .onConflictDoUpdate({ target: [runSteps.runId, runSteps.stepKey, runSteps.attempt], set: row }),
    ]);
  };
}
