import { ChildWorkflowFailure, executeChild, isCancellation, proxyActivities, uuid4, workflowInfo } from "@temporalio/workflow";
import { automation } from "../automation";
import { BOOKKEEPING_MAX_INTERVAL_MS, BOOKKEEPING_TIMEOUT_MS } from "../constants";
import type { ScheduledRunInput, TriggerActivities } from "./types";

const book = proxyActivities<TriggerActivities>({
  startToCloseTimeout: BOOKKEEPING_TIMEOUT_MS,
  retry: { maximumInterval: BOOKKEEPING_MAX_INTERVAL_MS },
});

/**
 * What a workflow's Temporal Schedule starts at each scheduled time: records a run of the pinned version and
 * runs it as a child, waiting for it, so the schedule's overlap policy (skip, buffer, cancel other, …) applies
 * to whole runs. The run id comes from uuid4(), which is replay-safe, and the activity inserts it idempotently.
 */
export async function scheduledRun(input: ScheduledRunInput): Promise<{ runId: string | null; status: string }> {
  const runId = `run_${uuid4()}`;
  const scheduledAt = scheduledTimeOf(workflowInfo().workflowId) ?? workflowInfo().startTime.toISOString();
  const run = await book.prepareScheduledRun({ ...input, runId, scheduledAt });
  if (!run) return { runId: null, status: "skipped" };
  try {
    await executeChild(automation, { workflowId: runId, args: [run] });
    return { runId, status: "succeeded" };
  } catch (err) {
    // The run's own record says how it failed; the schedule only needs to know this action is over.
    if (err instanceof ChildWorkflowFailure && !isCancellation(err)) return { runId, status: "failed" };
    throw err;
  }
}

/** Schedules append the scheduled time to the workflow id: "<id>-2026-01-01T09:00:00Z". */
function scheduledTimeOf(workflowId: string): string | null {
  const m = /-(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/.exec(workflowId);
  return m ? m[1]! : null;
}
