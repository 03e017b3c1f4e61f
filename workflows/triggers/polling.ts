import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from "@temporalio/workflow";
import { BOOKKEEPING_MAX_INTERVAL_MS, BOOKKEEPING_TIMEOUT_MS, TRIGGER_ENTRY_TIMEOUT_MS } from "../constants";
import type { PollingInput, TriggerActivities } from "./types";

// A poll runs integration code against a third party: a bounded wait, retried a few times (the activity
// itself records an integration failure and returns, so these retries are for the worker or database).
const poll = proxyActivities<TriggerActivities>({
  startToCloseTimeout: TRIGGER_ENTRY_TIMEOUT_MS + 15_000,
  retry: { maximumInterval: BOOKKEEPING_MAX_INTERVAL_MS },
});
const book = proxyActivities<TriggerActivities>({
  startToCloseTimeout: BOOKKEEPING_TIMEOUT_MS,
  retry: { maximumInterval: BOOKKEEPING_MAX_INTERVAL_MS },
});

/** Wakes the loop before its interval is up: sent when a new version is published, and by "poll now". */
export const pollNowSignal = defineSignal("pollNow");

/** Polls per workflow run before continuing as new, so the history stays short whatever the interval. */
const POLLS_PER_RUN = 50;

/**
 * One per active polling trigger (workflow id polling-<workflowId>). Each round: the integration's poll in the
 * sandbox (an activity), which stores the cursor and the seen keys and records a run per new item; then an
 * activity starts those runs under their deterministic ids, and another confirms them. Ends when the trigger
 * row is gone.
 */
export async function pollingTrigger(input: PollingInput): Promise<void> {
  let wake = false;
  setHandler(pollNowSignal, () => {
    wake = true;
  });
  for (let round = 0; round < (input.pollsPerRun ?? POLLS_PER_RUN); round++) {
    wake = false;
    const result = await poll.pollTrigger({ workflowId: input.workflowId });
    if (result.status === "stopped") return;
    let batch = result;
    while (batch.runs.length > 0) {
      const runIds = await book.startTriggeredRuns({ runs: batch.runs });
      await book.markPolledRunsStarted({ pollingTriggerId: result.pollingTriggerId, runIds });
      if (!batch.more) break;
      batch = { ...result, ...(await book.pendingPolledRuns({ workflowId: input.workflowId })) };
    }
    await condition(() => wake, result.intervalSeconds * 1000);
    if (workflowInfo().continueAsNewSuggested) break;
  }
  await continueAsNew<typeof pollingTrigger>(input);
}
