import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from "@temporalio/client";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { webhookDeliveries } from "../../../db/schema";
import type { automation } from "../../../workflows/automation";
import { temporal } from "../../../workflows/client";
import { AUTOMATION_WORKFLOW } from "../../../workflows/constants";
import type { AutomationInput } from "../../../workflows/interpreter/types";

const START_DEADLINE_MS = Number(process.env.JUNCTION_HOOK_START_DEADLINE_MS ?? 5_000);
const UNAVAILABLE = 14; // gRPC status: the server could not be reached

/** started: Temporal has the run (now or from an earlier start); unavailable: Temporal cannot be reached; slow: the deadline passed. */
export type StartOutcome = "started" | "unavailable" | "slow";

/**
 * Starts one accepted delivery's run in Temporal. The run id is the workflow id and Temporal refuses a second start
 * of it, so starting a delivery twice (the relay and a sync hook, two relays after a crash) is harmless.
 */
export async function startDeliveryRun(input: AutomationInput, taskQueue: string): Promise<StartOutcome> {
  try {
    const { connection, client } = await temporal();
    await connection.withDeadline(Date.now() + START_DEADLINE_MS, () =>
      client.workflow.start<typeof automation>(AUTOMATION_WORKFLOW, {
        taskQueue,
        workflowId: input.runId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        args: [input],
      }),
    );
    return "started";
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return "started";
    return isUnavailable(err) ? "unavailable" : "slow";
  }
}

function isUnavailable(err: unknown): boolean {
  const e = err as { code?: number; cause?: { code?: number } };
  return e.code === UNAVAILABLE || e.cause?.code === UNAVAILABLE;
}

/** Records that a delivery's run is in Temporal (by the unique key, so an index finds it), so no relay starts it again. */
export async function markDeliveryStarted(db: Database, hookId: string, deliveryId: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ startedAt: new Date() })
    .where(and(eq(webhookDeliveries.hookId, hookId), eq(webhookDeliveries.deliveryId, deliveryId)));
}
