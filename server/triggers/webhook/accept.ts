import { createHash } from "node:crypto";
import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from "@temporalio/client";
import { temporal } from "../../../workflows/client";
import { temporalConfig } from "../../../workflows/config";
import { TRIGGERED_WORKFLOW } from "../../../workflows/constants";
import type { triggered } from "../../../workflows/triggered";
import type { LiveEndpoint } from "./endpoint";
import { HookHttpError } from "./http-error";

/** How long a delivery waits for Temporal to accept its start before the sender is told to retry (503). */
const START_DEADLINE_MS = Number(process.env.JUNCTION_HOOK_START_DEADLINE_MS ?? 5_000);
export const RETRY_AFTER_UNAVAILABLE_S = 5;

/**
 * The run id of a delivery: a UUID-shaped digest of hook id and delivery id. The same delivery always maps to
 * the same Temporal workflowId, so Temporal itself refuses to start it twice and every retry gets this id back.
 */
export function runIdFor(hookId: string, deliveryId: string): string {
  const h = createHash("sha256").update(`junction.webhook.v1|${hookId}|${deliveryId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `run_${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Durably accepts a delivery: resolves only once Temporal has recorded the start (or already had this delivery).
 * One call, no database write: the run records itself (workflows/triggered.ts). Anything else is a 503 with
 * Retry-After, so the sender keeps the delivery until we can keep it.
 */
export async function acceptDelivery(ep: LiveEndpoint, deliveryId: string, trigger: unknown): Promise<{ runId: string; duplicate: boolean }> {
  const runId = runIdFor(ep.hookId, deliveryId);
  try {
    const { connection, client } = await temporal();
    await connection.withDeadline(Date.now() + START_DEADLINE_MS, () =>
      client.workflow.start<typeof triggered>(TRIGGERED_WORKFLOW, {
        taskQueue: temporalConfig().taskQueue,
        workflowId: runId,
        // A closed run is never started again for the same delivery; a running one is simply returned.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        args: [{ runId, workspaceId: ep.workspaceId, workflowId: ep.workflowId, versionId: ep.versionId, graph: ep.graph, trigger, delivery: { hookId: ep.hookId, deliveryId } }],
      }),
    );
    return { runId, duplicate: false };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { runId, duplicate: true };
    throw new HookHttpError(503, "Runs cannot be accepted right now; retry later", { "retry-after": String(RETRY_AFTER_UNAVAILABLE_S) });
  }
}
