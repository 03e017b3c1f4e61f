import { CancellationScope, isCancellation } from "@temporalio/workflow";
import type { GraphNode } from "../graph/schema";
import { book } from "./bookkeeping";
import { workflowNowMs } from "./clock";
import { messageOf, StepError, StopRun } from "./scope";
import type { ControlRecord } from "./types";
import type { Frame, NodeOutcome, RunCtx } from "./walk";

/** Called by a slow control node (delay, loop) once it knows its input, to show it as running meanwhile. */
export type Started = (input: unknown) => Promise<void>;

/**
 * Runs a control node and records it in run_steps like a step: running (delays and loops), then succeeded with
 * what it decided (`outcome.record`, else its output) or failed with why. A stop node records its outcome; a
 * loop that a stop inside it ended records that too.
 */
export async function recorded(run: RunCtx, node: GraphNode, frame: Frame, body: (started: Started) => Promise<NodeOutcome>): Promise<NodeOutcome> {
  const base = { runId: run.input.runId, nodeId: node.id, stepKey: frame.prefix + node.id, startedAtMs: workflowNowMs() };
  let input: unknown;
  const started: Started = (i) => {
    input = i;
    return book.recordControl({ ...base, status: "running", input });
  };
  // Even when the run is being cancelled, the node's row must not stay "running".
  const end = (rest: Pick<ControlRecord, "status" | "output" | "error">) =>
    CancellationScope.nonCancellable(() => book.recordControl({ ...base, input, finishedAtMs: workflowNowMs(), ...rest }));
  let outcome: NodeOutcome;
  try {
    outcome = await body(started);
  } catch (err) {
    if (err instanceof StopRun) {
      const output = { outcome: err.outcome, stoppedAt: err.nodeId, message: err.message };
      await end(err.outcome === "success" ? { status: "succeeded", output } : { status: "failed", output, error: { message: err.message, type: "StoppedWithError" } });
    } else if (isCancellation(err)) {
      await end({ status: "failed", error: { message: "Cancelled", type: "Cancelled" } });
    } else {
      await end({ status: "failed", error: { message: messageOf(err), type: err instanceof StepError ? err.type : "Error" } });
    }
    throw err;
  }
  await end({ status: "succeeded", output: outcome.record ?? outcome.output });
  return outcome;
}
