import { ApplicationFailure, CancellationScope, isCancellation, ParentClosePolicy, startChild } from "@temporalio/workflow";
import { analyse, TOP } from "./graph/structure";
import { finishing, remoteBook } from "./interpreter/bookkeeping";
import { executeNode } from "./interpreter/nodes";
import { messageOf, StepError, StopRun } from "./interpreter/scope";
import type { AutomationInput, AutomationResult } from "./interpreter/types";
import { walkRegion, type RunCtx } from "./interpreter/walk";

/**
 * The interpreter: walks the pinned graph of one run. Everything here is deterministic workflow code; each
 * action step is one `runStep` activity (a local one for cheap built-ins), and branch/loop/merge/delay/stop are
 * evaluated here and recorded in run_steps through a local activity.
 */
export async function automation(input: AutomationInput): Promise<AutomationResult> {
  const run: RunCtx = { input, s: analyse(input.graph), regions: new Map() };
  const trigger = input.graph.nodes.find((n) => n.kind === "trigger");
  if (!trigger) throw ApplicationFailure.nonRetryable("The graph has no trigger", "InvalidGraph");
  try {
    // Test data never runs in production: the server never asks for it, and the engine refuses it all the same.
    if (input.test && input.versionId !== null) throw ApplicationFailure.nonRetryable("Test data (a fixture or pinned step outputs) cannot be used by a run of a published version", "TestDataInProduction");
    await walkRegion(run, TOP, { steps: {}, states: {}, prefix: "" }, [], { node: trigger, outcome: { output: input.trigger, handles: ["out"] } }, executeNode);
  } catch (err) {
    if (err instanceof StopRun && err.outcome === "success") {
      await finishing(input).finishRun({ runId: input.runId, status: "succeeded" });
      return { status: "succeeded", stoppedAt: err.nodeId };
    }
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => finishing(input).finishRun({ runId: input.runId, status: "cancelled" }));
      throw err;
    }
    const nodeId = err instanceof StopRun || err instanceof StepError ? err.nodeId : undefined;
    const failure = { message: err instanceof StepError ? err.message : messageOf(err), nodeId };
    // The handler's run exists before this run reads as failed, so whoever sees the failure can find it.
    await startErrorHandler(input, failure);
    await finishing(input).finishRun({ runId: input.runId, status: "failed", error: failure });
    // A plain Error would fail only the workflow task (and be retried forever); an ApplicationFailure fails the run.
    const type = err instanceof StopRun ? "StoppedWithError" : err instanceof StepError ? err.type : "RunFailed";
    throw ApplicationFailure.create({ message: failure.message, type, nonRetryable: true, details: [failure] });
  }
  await finishing(input).finishRun({ runId: input.runId, status: "succeeded" });
  return { status: "succeeded" };
}

/** The workflow-level error handler: another workflow, run with the failure as its trigger data. */
async function startErrorHandler(input: AutomationInput, failure: { message: string; nodeId?: string }): Promise<void> {
  const errorWorkflowId = input.graph.settings?.errorWorkflowId;
  // An editor test's failure is shown in the editor; it must not start a production run with its (test) data.
  if (!errorWorkflowId || input.test) return;
  const child = await remoteBook.prepareErrorRun({ runId: input.runId, workspaceId: input.workspaceId, errorWorkflowId, failure });
  if (!child) return;
  await startChild(automation, { workflowId: child.runId, args: [child], parentClosePolicy: ParentClosePolicy.ABANDON });
}
