import type { AutomationInput } from "../interpreter/types";

/** What a Temporal Schedule starts for one workflow: its scheduled run, of the version the schedule was set up for. */
export type ScheduledRunInput = { workspaceId: string; workflowId: string; versionId: string };
export type ScheduledRunRequest = ScheduledRunInput & { runId: string; scheduledAt: string };

/** pollsPerRun: rounds before continuing as new (default 50; tests use a small number). */
export type PollingInput = { workflowId: string; pollsPerRun?: number };
export type PollResult =
  /** The trigger is gone (deactivated, deleted): the polling workflow ends. */
  | { status: "stopped" }
  | {
      status: "polled";
      pollingTriggerId: string;
      intervalSeconds: number;
      /** True for the first poll after activation, which records what exists without starting runs. */
      seeded: boolean;
      /** Runs to start: this poll's new items, plus any an earlier round recorded but did not confirm started. */
      runs: AutomationInput[];
      /** More recorded runs wait than one batch holds: fetch them with pendingPolledRuns before sleeping. */
      more: boolean;
      /** The integration's poll failed (recorded on the trigger); polling goes on at the next interval. */
      error?: string;
    };

/** One verified delivery to an app-webhook trigger, as the integration's parse step sees it. */
export type AppWebhookRequest = { method: string; headers: Record<string, string>; query: Record<string, string>; body: string };
export type AppWebhookDelivery = { subscriptionId: string; deliveryId: string; request: AppWebhookRequest };

/** The activities trigger workflows call; workflows import this type only. */
export type TriggerActivities = {
  /** Records the scheduled run; null when the workflow is no longer active on that version (the run is skipped). */
  prepareScheduledRun(req: ScheduledRunRequest): Promise<AutomationInput | null>;
  pollTrigger(req: PollingInput): Promise<PollResult>;
  pendingPolledRuns(req: PollingInput): Promise<{ runs: AutomationInput[]; more: boolean }>;
  markPolledRunsStarted(req: { pollingTriggerId: string; runIds: string[] }): Promise<void>;
  subscribeAppWebhook(req: { subscriptionId: string }): Promise<void>;
  unsubscribeAppWebhook(req: { subscriptionId: string }): Promise<void>;
  /** Runs the integration's parse step and records one run per item; returns the runs to start. */
  parseAppWebhook(req: AppWebhookDelivery): Promise<AutomationInput[]>;
  /** Starts recorded runs under their ids (idempotent); returns the ids. */
  startTriggeredRuns(req: { runs: AutomationInput[] }): Promise<string[]>;
};
