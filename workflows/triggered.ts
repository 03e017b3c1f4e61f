import { proxyActivities, workflowInfo } from "@temporalio/workflow";
import { automation } from "./automation";
import { BOOKKEEPING_MAX_INTERVAL_MS, BOOKKEEPING_TIMEOUT_MS } from "./constants";
import type { AutomationInput, AutomationResult, EngineActivities } from "./interpreter/types";

const book = proxyActivities<EngineActivities>({
  startToCloseTimeout: BOOKKEEPING_TIMEOUT_MS,
  retry: { maximumInterval: BOOKKEEPING_MAX_INTERVAL_MS },
});

export type TriggeredInput = AutomationInput & {
  workflowId: string;
  versionId: string;
  delivery?: { hookId: string; deliveryId: string };
};

/**
 * A run whose start is the only durable record of it (a webhook acknowledged as soon as Temporal accepted the
 * start, with no database write on the request path). It records its own run row first, then runs the
 * interpreter exactly as a run started from the UI.
 */
export async function triggered(input: TriggeredInput): Promise<AutomationResult | { status: "duplicate" }> {
  const accepted = await book.acceptRun({
    runId: input.runId,
    workspaceId: input.workspaceId,
    workflowId: input.workflowId,
    versionId: input.versionId,
    trigger: input.trigger,
    executionId: workflowInfo().runId,
    delivery: input.delivery,
  });
  if (!accepted) return { status: "duplicate" };
  return automation(input);
}
