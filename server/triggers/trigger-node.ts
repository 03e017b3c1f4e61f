import { createHash } from "node:crypto";
import type { AppTriggerSettings, TriggerNode } from "../../workflows/graph";
import type { TriggerLifecycle } from "./lifecycle";

/** The trigger node of the version that should be live, or null when the workflow is inactive or has none. */
export function liveTrigger(change: TriggerLifecycle): TriggerNode | null {
  if (!change.active || !change.version) return null;
  const node = change.version.graph.nodes.find((n) => n.kind === "trigger");
  return node?.kind === "trigger" ? node : null;
}

/**
 * Identifies where items come from: integration, trigger, connection and config. A new version with the
 * same source keeps the cursor (or the third-party subscription); a different source starts over.
 */
export function sourceHashOf(app: AppTriggerSettings): string {
  const canonical = JSON.stringify([app.integration, app.version, app.key, app.connectionId ?? null, sortKeys(app.config)]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** The columns polling_triggers and app_webhook_subscriptions both keep about a trigger's source. */
export function sourceColumnsOf(app: AppTriggerSettings) {
  return {
    integration: app.integration,
    integrationVersion: app.version,
    triggerKey: app.key,
    connectionId: app.connectionId ?? null,
    config: app.config,
    sourceHash: sourceHashOf(app),
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}
