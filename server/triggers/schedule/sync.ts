import { ScheduleAlreadyRunning, ScheduleNotFoundError } from "@temporalio/client";
import { temporal } from "../../../workflows/client";
import { temporalConfig } from "../../../workflows/config";
import { scheduleIdOf } from "../../../workflows/constants";
import { liveTrigger } from "../trigger-node";
import type { TriggerSync } from "../lifecycle";
import { scheduleOptions } from "./spec";

/**
 * Keeps a workflow's Temporal Schedule in step with its live version: created when a version with a schedule
 * trigger goes live, updated (cron, timezone, overlap, pinned version) on every later publish, deleted when
 * the workflow is deactivated or its trigger is no longer a schedule.
 */
export const syncSchedule: TriggerSync = async (_deps, change) => {
  const { client } = await temporal();
  const scheduleId = scheduleIdOf(change.workflowId);
  const trigger = liveTrigger(change);
  if (!trigger || trigger.trigger !== "schedule" || !trigger.schedule || !change.version) {
    await client.schedule
      .getHandle(scheduleId)
      .delete()
      .catch((err: unknown) => {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      });
    return;
  }
  const options = scheduleOptions(trigger.schedule, { workspaceId: change.workspaceId, workflowId: change.workflowId, versionId: change.version.id }, temporalConfig().taskQueue);
  try {
    await client.schedule.create({ scheduleId, ...options });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, ...options }));
  }
};
