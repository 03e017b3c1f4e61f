import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from "@temporalio/workflow";
import { automation } from "../automation";
import type { AutomationInput } from "../interpreter/types";

/**
 * Starts recorded runs as independent workflows. The run id is the workflow id and the reuse policy rejects
 * duplicates, so starting the same run twice (a retried round after a crash) never runs it twice.
 */
export async function startRuns(runs: AutomationInput[]): Promise<string[]> {
  const started: string[] = [];
  for (const run of runs) {
    try {
      await startChild(automation, {
        workflowId: run.runId,
        args: [run],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    started.push(run.runId);
  }
  return started;
}
