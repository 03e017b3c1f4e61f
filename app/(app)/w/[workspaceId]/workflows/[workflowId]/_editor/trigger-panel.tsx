"use client";
import { prettyJson } from "../../../../../../_lib/json-input";
import type { LooseNode } from "../../../_graph/loose-graph";
import { WebhookSection } from "../_triggers/webhook-section";

const DESCRIPTIONS: Record<string, string> = {
  manual: "Runs when someone presses Run, or through the API.",
  webhook: "Runs when a request arrives at this workflow's webhook URL.",
  schedule: "Runs on a schedule.",
};

/**
 * What starts the workflow: the trigger node's settings. Trigger-specific tools (a schedule's next run times,
 * a webhook's URL) belong in this panel, under the settings.
 */
export function TriggerPanel({ trigger, onWebhookPreset }: { trigger: LooseNode | null; onWebhookPreset?: (preset: string) => void }) {
  const kind = trigger && typeof trigger.raw.trigger === "string" ? trigger.raw.trigger : "manual";
  const { id: _id, kind: _kind, position: _position, label: _label, ...settings } = trigger?.raw ?? {};
  return (
    <section aria-label="Trigger" data-testid="trigger-panel" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <h2 className="text-sm font-semibold">Trigger</h2>
      {trigger ? (
        <div className="mt-2 space-y-2 text-sm">
          <p>
            <span className="font-medium capitalize">{kind}</span> <span className="font-mono text-xs text-zinc-500">({trigger.id})</span>
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">{DESCRIPTIONS[kind] ?? "A trigger of a kind this page does not describe yet."}</p>
          {Object.keys(settings).length > 0 && <pre className="overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">{prettyJson(settings)}</pre>}
          {kind === "webhook" && <WebhookSection preset={presetOf(trigger.raw)} onPresetChange={onWebhookPreset} />}
        </div>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          No trigger yet. Add a node with <code className="font-mono text-xs">&quot;kind&quot;: &quot;trigger&quot;</code> to say what starts this workflow.
        </p>
      )}
    </section>
  );
}

function presetOf(raw: Record<string, unknown>): string {
  const webhook = raw.webhook as { verification?: { preset?: unknown } } | undefined;
  return typeof webhook?.verification?.preset === "string" ? webhook.verification.preset : "none";
}
