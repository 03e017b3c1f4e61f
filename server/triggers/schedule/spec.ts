import { ScheduleOverlapPolicy, type ScheduleOptions } from "@temporalio/client";
import { SCHEDULED_RUN_WORKFLOW, scheduleIdOf } from "../../../workflows/constants";
import type { OverlapPolicy, ScheduleSettings } from "../../../workflows/graph";
import type { ScheduledRunInput } from "../../../workflows/triggers/types";

const OVERLAP: Record<OverlapPolicy, ScheduleOverlapPolicy> = {
  skip: ScheduleOverlapPolicy.SKIP,
  buffer_one: ScheduleOverlapPolicy.BUFFER_ONE,
  buffer_all: ScheduleOverlapPolicy.BUFFER_ALL,
  cancel_other: ScheduleOverlapPolicy.CANCEL_OTHER,
  terminate_other: ScheduleOverlapPolicy.TERMINATE_OTHER,
  allow_all: ScheduleOverlapPolicy.ALLOW_ALL,
};

/**
 * After an outage (Temporal down, or the schedule paused by nobody), times missed by more than this are
 * dropped instead of all firing at once when it comes back.
 */
const CATCHUP_WINDOW = "5 minutes";

/** The Temporal Schedule of one workflow: its cron in its timezone, starting scheduledRun for the pinned version. */
export function scheduleOptions(settings: ScheduleSettings, run: ScheduledRunInput, taskQueue: string): Omit<ScheduleOptions, "scheduleId"> {
  return {
    spec: { cronExpressions: [settings.cron], timezone: settings.timezone },
    action: { type: "startWorkflow", workflowType: SCHEDULED_RUN_WORKFLOW, taskQueue, workflowId: scheduleIdOf(run.workflowId), args: [run] },
    policies: { overlap: OVERLAP[settings.overlap], catchupWindow: CATCHUP_WINDOW, pauseOnFailure: false },
    state: { paused: false, note: `Junction workflow ${run.workflowId}` },
  };
}
