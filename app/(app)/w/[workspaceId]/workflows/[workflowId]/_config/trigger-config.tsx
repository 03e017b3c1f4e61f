"use client";
import { useId, useMemo } from "react";
import { stepIssues } from "@/app/_lib/schema-form/step-issues";
import { timezoneIssue } from "@/workflows/graph/cron";
import { triggerKindOf, withTriggerKind, type Raw, type TriggerKind } from "@/app/_lib/trigger-form/trigger-node";
import { TriggerStatus } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/trigger-status";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";
import { AppTriggerForm } from "./app-trigger-form";
import { SelectSetting } from "./plain-fields";
import { ScheduleForm } from "./schedule-form";
import { WebhookForm } from "./webhook-form";

const KINDS: { value: TriggerKind; label: string; help: string }[] = [
  { value: "manual", label: "Manual", help: "Runs when someone presses Run, or through the API." },
  { value: "webhook", label: "Webhook", help: "Runs when a request arrives at this workflow's webhook URL." },
  { value: "schedule", label: "Schedule", help: "Runs on a schedule." },
  { value: "polling", label: "Polling an integration", help: "Runs once for every new item the integration finds when it polls. The first poll after activation only notes what is already there." },
  { value: "app_webhook", label: "Integration webhook", help: "Runs for every event the integration's service sends. Activating registers this workflow's URL with that service." },
];

type Props = { node: Raw; workspaceId: string; onChange: (next: Raw) => void; readOnly: boolean; showAll: boolean };

/**
 * The trigger's configuration: what starts the workflow and its settings, checked as you type by the rules the
 * server applies on save (the node schema and workflows/graph/trigger-issues.ts, through stepIssues), and what
 * the live trigger is doing.
 */
export function TriggerConfig({ node, workspaceId, onChange, readOnly, showAll }: Props) {
  const id = useId();
  const { workflow } = useWorkflowPage();
  const kind = triggerKindOf(node);
  const issues = useMemo(() => stepIssues(node), [node]);
  const about = KINDS.find((k) => k.value === kind)!;
  const props = { node, onChange, issues, readOnly };
  return (
    <div className="space-y-4" data-testid="trigger-config">
      <SelectSetting
        id={`${id}-kind`}
        label="Starts when"
        value={kind}
        options={KINDS}
        onChange={(v) => onChange(withTriggerKind(node, v as TriggerKind, browserTimezone()))}
        error={issues.get("trigger")}
        description={about.help}
        disabled={readOnly}
      />
      {kind === "webhook" && <WebhookForm {...props} />}
      {kind === "schedule" && <ScheduleForm {...props} workspaceId={workspaceId} memoryKey={`${workflow.id}/${String(node.id)}`} />}
      {(kind === "polling" || kind === "app_webhook") && <AppTriggerForm {...props} kind={kind} workspaceId={workspaceId} showAll={showAll} />}
      {kind === "manual" && <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing to set: the run's input is what the Run dialog or the API call sends.</p>}
      {kind !== "manual" && kind !== "webhook" && (
        <section className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Live</h3>
          <TriggerStatus workspaceId={workspaceId} workflowId={workflow.id} />
        </section>
      )}
    </div>
  );
}

/** A new schedule runs in the user's own zone when the server's timezone check accepts its name, else in UTC. */
function browserTimezone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && timezoneIssue(tz) === null ? tz : "UTC";
}
