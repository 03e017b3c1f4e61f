import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from "@temporalio/client";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { pollingTriggerItems, pollingTriggers, runs } from "../../../db/schema";
import { temporal } from "../../../workflows/client";
import { temporalConfig } from "../../../workflows/config";
import { POLLING_WORKFLOW, pollingWorkflowIdOf } from "../../../workflows/constants";
import type { AppTriggerSettings } from "../../../workflows/graph";
import { integrationTrigger } from "../integration-version";
import { liveTrigger, sourceColumnsOf, sourceHashOf } from "../trigger-node";
import type { TriggerLifecycle, TriggerSync } from "../lifecycle";

/**
 * Keeps one polling workflow (polling-<workflowId>) per active polling trigger. Publishing a new version
 * updates the trigger row the workflow reads each round and wakes it; a new source (integration, trigger,
 * connection or config) resets the cursor, so the next poll seeds again. Deactivation deletes the row and
 * terminates the workflow.
 */
export const syncPolling: TriggerSync = async ({ db }, change) => {
  const trigger = liveTrigger(change);
  if (!trigger || trigger.trigger !== "polling" || !trigger.app || !change.version) return stopPolling(db, change.workflowId);
  const app = trigger.app;
  const { trigger: manifest } = await integrationTrigger(db, change.workspaceId, app, "polling");
  const minInterval = manifest.kind === "polling" ? manifest.minIntervalSeconds : 300;
  await upsertTrigger(db, change, app, Math.max(app.intervalSeconds ?? minInterval, minInterval));
  const { client } = await temporal();
  const workflowId = pollingWorkflowIdOf(change.workflowId);
  try {
    await client.workflow.start(POLLING_WORKFLOW, { workflowId, taskQueue: temporalConfig().taskQueue, args: [{ workflowId: change.workflowId }] });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    await client.workflow.getHandle(workflowId).signal("pollNow");
  }
};

async function upsertTrigger(db: Database, change: TriggerLifecycle, app: AppTriggerSettings, intervalSeconds: number) {
  const sourceHash = sourceHashOf(app);
  const fields = {
    workspaceId: change.workspaceId,
    versionId: change.version!.id,
    ...sourceColumnsOf(app),
    intervalSeconds,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(pollingTriggers).where(eq(pollingTriggers.workflowId, change.workflowId)).for("update");
    if (!existing) {
      await tx.insert(pollingTriggers).values({ workflowId: change.workflowId, ...fields });
      return;
    }
    if (existing.sourceHash === sourceHash) {
      await tx.update(pollingTriggers).set(fields).where(eq(pollingTriggers.id, existing.id));
      return;
    }
    // A different source: its cursor and keys mean nothing for the new one.
    await tx.delete(pollingTriggerItems).where(eq(pollingTriggerItems.pollingTriggerId, existing.id));
    await tx.update(pollingTriggers).set({ ...fields, cursor: null, seeded: false, lastError: null }).where(eq(pollingTriggers.id, existing.id));
  });
}

async function stopPolling(db: Database, workflowId: string): Promise<void> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: pollingTriggers.id }).from(pollingTriggers).where(eq(pollingTriggers.workflowId, workflowId)).for("update");
    if (!row) return false;
    // Runs recorded in the last round but never started would otherwise stay queued forever.
    const unstarted = tx
      .select({ id: pollingTriggerItems.runId })
      .from(pollingTriggerItems)
      .where(and(eq(pollingTriggerItems.pollingTriggerId, row.id), isNotNull(pollingTriggerItems.runId), isNull(pollingTriggerItems.startedAt)));
    await tx
      .update(runs)
      .set({ status: "cancelled", error: { message: "The workflow was deactivated before this run started." }, finishedAt: new Date() })
      .where(and(inArray(runs.id, unstarted), eq(runs.status, "queued")));
    await tx.delete(pollingTriggers).where(eq(pollingTriggers.id, row.id));
    return true;
  });
  if (!removed) return;
  const { client } = await temporal();
  await client.workflow
    .getHandle(pollingWorkflowIdOf(workflowId))
    .terminate("The workflow was deactivated")
    .catch((err: unknown) => {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    });
}
