import { ApplicationFailure } from "@temporalio/common";
import { loadPollingTrigger, markStarted, pendingRuns, recordPoll, recordPollError, type PolledItem } from "../../../server/triggers/polling/state";
import type { PollingInput, PollResult } from "../../triggers/types";
import { isIntegrationFailure, runTriggerEntry, type TriggerDeps } from "./run-entry";

/**
 * One round of a polling trigger: the integration's poll with the stored cursor, then (in one transaction)
 * the new cursor, the keys seen and a run per new item; returns the runs still to start. An integration
 * failure is recorded on the trigger and polling goes on; anything else (database) is retried by Temporal.
 */
export function createPollTrigger(deps: TriggerDeps) {
  return async function pollTrigger({ workflowId }: PollingInput): Promise<PollResult> {
    const row = await loadPollingTrigger(deps.db, workflowId);
    if (!row) return { status: "stopped" };
    const base = { status: "polled" as const, pollingTriggerId: row.id, intervalSeconds: row.intervalSeconds };
    let output: unknown;
    try {
      output = await runTriggerEntry(deps, row, "poll", { input: row.config, cursor: row.cursor ?? undefined }, `poll_${row.id}`);
    } catch (err) {
      // The integration or its setup failed (yanked version, gone connection): record it; a database error is retried.
      if (!isIntegrationFailure(err)) throw err;
      await recordPollError(deps.db, row, err.message);
      const pending = await pendingRuns(deps.db, row);
      return { ...base, seeded: false, runs: pending.runs, more: pending.more, error: err.message };
    }
    const result = checkPollOutput(output);
    const { seeded } = await recordPoll(deps.db, row, result);
    const pending = await pendingRuns(deps.db, row);
    return { ...base, seeded, runs: pending.runs, more: pending.more };
  };
}

/** The next batch of recorded but unstarted runs (when a poll found more new items than one batch). */
export function createPendingPolledRuns(deps: TriggerDeps) {
  return async function pendingPolledRuns({ workflowId }: PollingInput) {
    const row = await loadPollingTrigger(deps.db, workflowId);
    if (!row) return { runs: [], more: false };
    return pendingRuns(deps.db, row);
  };
}

export function createMarkPolledRunsStarted(deps: TriggerDeps) {
  return async function markPolledRunsStarted(req: { pollingTriggerId: string; runIds: string[] }): Promise<void> {
    await markStarted(deps.db, req.pollingTriggerId, req.runIds);
  };
}

/** The SDK's poll entry returns { cursor, items: [{ dedupeKey, data }] }; anything else is the bundle's fault. */
function checkPollOutput(output: unknown): { cursor: unknown; items: PolledItem[] } {
  const o = output as { cursor?: unknown; items?: unknown };
  if (!o || typeof o !== "object" || !Array.isArray(o.items) || !o.items.every((i: unknown) => typeof (i as PolledItem)?.dedupeKey === "string" && (i as PolledItem).dedupeKey.length > 0)) {
    throw ApplicationFailure.nonRetryable("The integration's poll returned something other than { cursor, items: [{ dedupeKey, data }] }.", "BadPollOutput");
  }
  return { cursor: o.cursor ?? null, items: o.items as PolledItem[] };
}
