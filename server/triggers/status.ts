import { ScheduleNotFoundError } from "@temporalio/client";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { appWebhookSubscriptions, pollingTriggers, workflows } from "../../db/schema";
import { temporal } from "../../workflows/client";
import { scheduleIdOf } from "../../workflows/constants";
import { DomainError } from "../errors";
import { requireRole } from "../workspaces/access";
import { nextRunTimes } from "./schedule/preview";

/** For the editor's schedule field: the next five times the cron fires in its timezone. */
export async function schedulePreview(db: Database, userId: string, workspaceId: string, cron: string, timezone: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  return { timezone, times: nextRunTimes(cron, timezone, 5) };
}

/**
 * What the live triggers of a workflow are doing, for the workflow page: the schedule's next times (from
 * Temporal, the authority), the polling trigger's last poll and error, the app webhook's URL and state.
 * Never the webhook secret or the subscription state (it may hold third-party data).
 */
export async function triggerStatus(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  const [polling, subscription, schedule] = await Promise.all([
    db.query.pollingTriggers.findFirst({ where: eq(pollingTriggers.workflowId, workflowId) }),
    db.query.appWebhookSubscriptions.findFirst({ where: eq(appWebhookSubscriptions.workflowId, workflowId), orderBy: desc(appWebhookSubscriptions.createdAt) }),
    wf.active ? describeSchedule(workflowId) : null,
  ]);
  return {
    active: wf.active,
    schedule,
    polling: polling
      ? { integration: polling.integration, trigger: polling.triggerKey, intervalSeconds: polling.intervalSeconds, seeded: polling.seeded, lastPolledAt: polling.lastPolledAt, lastError: polling.lastError }
      : null,
    appWebhook: subscription ? { integration: subscription.integration, trigger: subscription.triggerKey, url: subscription.webhookUrl, status: subscription.status } : null,
  };
}

async function describeSchedule(workflowId: string) {
  const { client } = await temporal();
  try {
    const d = await client.schedule.getHandle(scheduleIdOf(workflowId)).describe();
    return { nextTimes: d.info.nextActionTimes.slice(0, 5), timezone: d.spec.timezone ?? "UTC", paused: d.state.paused, recentActions: d.info.recentActions.length };
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return null;
    throw err;
  }
}
