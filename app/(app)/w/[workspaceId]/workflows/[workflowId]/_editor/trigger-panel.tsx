"use client";
import { prettyJson } from "@/app/_lib/json-input";
import type { LooseNode } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { AppTriggerSummary } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/app-trigger-summary";
import { SchedulePreview } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/schedule-preview";
import { TriggerStatus } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/trigger-status";
import { WebhookSection } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/webhook-section";

const DESCRIPTIONS: Record<string, string> = {
  manual: "Runs when someone presses Run, or through the API.",
  webhook: "Runs when a request arrives at this workflow's webhook URL.",
  schedule: "Runs on a schedule.",
  polling: "Runs once for every new item the integration finds when it polls. The first poll after activation only notes what is already there.",
  app_webhook: "Runs for every event the integration's service sends. Activating registers this workflow's URL with that service.",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What starts the workflow: the trigger node's settings, then the tools of its kind (a schedule's next run
 * times, an integration trigger's summary) and what the live trigger is doing.
 */
export function TriggerPanel({ trigger, ids, onWebhookPreset }: { trigger: LooseNode | null; ids: { workspaceId: string; workflowId: string }; onWebhookPreset?: (preset: string) => void }) {
  const kind = trigger && typeof trigger.raw.trigger === "string" ? trigger.raw.trigger : "manual";
  const { id: _id, kind: _kind, position: _position, label: _label, ...settings } = trigger?.raw ?? {};
  const schedule = isObject(settings.schedule) ? settings.schedule : null;
  const app = isObject(settings.app) ? settings.app : null;
  return (
    <section aria-label="Trigger" data-testid="trigger-panel" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <h2 className="text-sm font-semibold">Trigger</h2>
      {trigger ? (
        <div className="mt-2 space-y-3 text-sm">
          <p>
            <span className="font-medium capitalize">{kind.replace("_", " ")}</span> <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">({trigger.id})</span>
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">{DESCRIPTIONS[kind] ?? "A trigger of a kind this page does not describe yet."}</p>
          {kind === "schedule" && (
            <SchedulePreview workspaceId={ids.workspaceId} cron={typeof schedule?.cron === "string" ? schedule.cron : ""} timezone={typeof schedule?.timezone === "string" ? schedule.timezone : "UTC"} />
          )}
          {(kind === "polling" || kind === "app_webhook") && <AppTriggerSummary kind={kind} app={app} />}
          {Object.keys(settings).length > 0 && <pre className="overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">{prettyJson(settings)}</pre>}
          {kind === "webhook" && <WebhookSection preset={presetOf(trigger.raw)} onPresetChange={onWebhookPreset} />}
          {(kind === "schedule" || kind === "polling" || kind === "app_webhook") && (
            <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
              <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Live</h3>
              <TriggerStatus workspaceId={ids.workspaceId} workflowId={ids.workflowId} />
            </div>
          )}
        </div>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          No trigger yet. Pick one under Triggers in the palette (or press Ctrl/⌘ K) to say what starts this workflow.
        </p>
      )}
    </section>
  );
}

function presetOf(raw: Record<string, unknown>): string {
  const webhook = raw.webhook as { verification?: { preset?: unknown } } | undefined;
  return typeof webhook?.verification?.preset === "string" ? webhook.verification.preset : "none";
}
