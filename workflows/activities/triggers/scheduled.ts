import { activeVersion, recordTriggeredRuns } from "../../../server/triggers/runs";
import type { AutomationInput } from "../../interpreter/types";
import type { ScheduledRunRequest } from "../../triggers/types";
import type { TriggerDeps } from "./run-entry";

/**
 * Records one scheduled run of the version the schedule was set up for. Null (skip) when the workflow was
 * deactivated or deleted in the moment between the schedule firing and this activity: its sync deletes the
 * schedule, but a time already due may still arrive.
 */
export function createPrepareScheduledRun({ db }: TriggerDeps) {
  return async function prepareScheduledRun(req: ScheduledRunRequest): Promise<AutomationInput | null> {
    const version = await activeVersion(db, req);
    if (!version) return null;
    const [run] = await recordTriggeredRuns(db, { ...req, graph: version.graph }, [{ runId: req.runId, trigger: { kind: "schedule", scheduledAt: req.scheduledAt, body: { scheduledAt: req.scheduledAt } } }]);
    return run ?? null;
  };
}
