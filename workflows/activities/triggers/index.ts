import type { TriggerActivities } from "../../triggers/types";
import { createParseAppWebhook, createSubscribeAppWebhook, createUnsubscribeAppWebhook } from "./app-webhook";
import { createMarkPolledRunsStarted, createPendingPolledRuns, createPollTrigger } from "./poll";
import type { TriggerDeps } from "./run-entry";
import { createPrepareScheduledRun } from "./scheduled";
import { startTriggeredRuns } from "./start-runs";

export type { TriggerDeps } from "./run-entry";

/** The activities of schedule, polling and app-webhook triggers (workflows/triggers/). */
export function createTriggerActivities(deps: TriggerDeps): TriggerActivities {
  return {
    prepareScheduledRun: createPrepareScheduledRun(deps),
    pollTrigger: createPollTrigger(deps),
    pendingPolledRuns: createPendingPolledRuns(deps),
    markPolledRunsStarted: createMarkPolledRunsStarted(deps),
    subscribeAppWebhook: createSubscribeAppWebhook(deps),
    unsubscribeAppWebhook: createUnsubscribeAppWebhook(deps),
    parseAppWebhook: createParseAppWebhook(deps),
    startTriggeredRuns,
  };
}
