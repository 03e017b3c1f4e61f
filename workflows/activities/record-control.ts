import type { Database } from "../../db/client";
import { runSteps } from "../../db/schema";
import type { ControlRecord } from "../interpreter/types";
import { setRunRunning } from "./record";

/**
 * Writes a control node's state to run_steps (attempt 1: control nodes are evaluated, never retried). An upsert,
 * so the "running" row of a delay or loop becomes its end, and a repeated call changes nothing.
 *
 * Timestamps are this worker's clock, like an action step's, not the workflow's: workflow time stands still for
 * a whole workflow task, so a merge reached after local-activity steps in the same task would carry a start
 * time before theirs and be listed before the steps that led to it. How long the node took (a delay's wait) is
 * the workflow's own measure; a node recorded only at its end started that long before now.
 */
export function createRecordControl(db: Database) {
  return async function recordControl(req: ControlRecord): Promise<void> {
    // No withDbRetry: the interpreter's retry policy for bookkeeping outlasts a Postgres restart.
    const now = new Date();
    const durationMs = req.finishedAtMs === undefined ? null : req.finishedAtMs - req.startedAtMs;
    const end = { status: req.status, input: req.input ?? null, output: req.output ?? null, error: req.error ?? null, finishedAt: durationMs === null ? null : now, durationMs };
    const startedAt = new Date(now.getTime() - (durationMs ?? 0));
    // A run whose first node is a control node (a delay, say) is under way now: mark it running here, alongside
    // the record (setRunRunning only changes a queued run), rather than in a round trip of its own.
    await Promise.all([
      setRunRunning(db, req.runId),
      db
        .insert(runSteps)
        .values({ runId: req.runId, nodeId: req.nodeId, stepKey: req.stepKey, attempt: 1, startedAt, ...end })
        // Over a "running" row, its recorded start stays.
        .onConflictDoUpdate({ target: [runSteps.runId, runSteps.stepKey, runSteps.attempt], set: end }),
    ]);
  };
}
