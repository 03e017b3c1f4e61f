"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useId, useMemo } from "react";
import { SchemaForm } from "@/app/_components/schema-form/schema-form";
import { buildFields } from "@/app/_lib/schema-form/fields";
import { issuesUnder } from "@/app/_lib/schema-form/step-issues";
import { withAppTrigger, withSetting, type Raw } from "@/app/_lib/trigger-form/trigger-node";
import { useTRPC } from "@/app/_trpc/react";
import { inputIssues } from "@/workflows/graph/input-schema";
import { ConnectionPicker } from "./connection-picker";
import { NumberSetting, SelectSetting } from "./plain-fields";

type Props = { node: Raw; kind: "polling" | "app_webhook"; workspaceId: string; onChange: (next: Raw) => void; issues: Map<string, string>; readOnly: boolean; showAll: boolean };

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * A polling or app-webhook trigger: which integration trigger starts the workflow (from the workspace's catalog),
 * its connection, how often to poll, and its own inputs as a form drawn from the trigger's JSON Schema and
 * checked by the same checker as an action's input.
 */
export function AppTriggerForm({ node, kind, workspaceId, onChange, issues, readOnly, showAll }: Props) {
  const trpc = useTRPC();
  const id = useId();
  const catalog = useQuery(trpc.integration.catalog.queryOptions({ workspaceId }));
  const app = isObject(node.app) ? node.app : {};
  const [integration, version, key] = [text(app.integration), text(app.version), text(app.key)];
  const wanted = kind === "polling" ? "polling" : "webhook";
  const choices = useMemo(
    () => (catalog.data ?? []).flatMap((e) => e.triggers.filter((t) => t.kind === wanted).map((t) => ({ value: `${e.slug}/${t.key}`, label: `${e.name}: ${t.name}`, entry: e, trigger: t }))),
    [catalog.data, wanted],
  );
  const current = choices.find((c) => c.entry.slug === integration && c.trigger.key === key);
  // The form is drawn from the version the catalog offers; a trigger pinned to another keeps its config as it is.
  const sameVersion = current?.entry.version === version;
  const schema = sameVersion ? current?.trigger.input : undefined;
  const tree = useMemo(() => (schema ? buildFields(schema, {}) : null), [schema]);
  const config = useMemo(() => (isObject(app.config) ? app.config : {}), [app.config]);
  const configIssues = useMemo(() => {
    const out = new Map(issuesUnder(issues, "app.config."));
    if (schema) for (const i of inputIssues(config, schema)) if (!out.has(i.path)) out.set(i.path, i.message);
    return out;
  }, [issues, schema, config]);
  const setConfig = useCallback((next: Raw) => onChange(withSetting(node, ["app", "config"], next)), [node, onChange]);
  const minInterval = Math.max(30, current?.trigger.minIntervalSeconds ?? 300);
  const pickError = issues.get("app") ?? issues.get("app.integration") ?? issues.get("app.key") ?? issues.get("app.version");

  const options = [
    { value: "", label: catalog.isPending ? "Loading…" : choices.length ? "Choose a trigger" : "None in this workspace" },
    ...(integration && key && !current ? [{ value: `${integration}/${key}`, label: `${integration}: ${key} (not available here)` }] : []),
    ...choices.map((c) => ({ value: c.value, label: c.label })),
  ];
  return (
    <div className="space-y-4">
      <SelectSetting
        id={`${id}-trigger`}
        label="Integration trigger"
        value={integration && key ? `${integration}/${key}` : ""}
        options={options}
        onChange={(v) => {
          const c = choices.find((x) => x.value === v);
          onChange(withAppTrigger(node, c ? { integration: c.entry.slug, version: c.entry.version, key: c.trigger.key } : null));
        }}
        error={pickError}
        description={current?.trigger.description ?? (choices.length === 0 && !catalog.isPending ? `No installed integration offers a ${kind === "polling" ? "polling" : "webhook"} trigger; install one under Integrations.` : undefined)}
        disabled={readOnly}
      />
      {current && !sameVersion && (
        <p className="text-sm text-amber-700 dark:text-amber-300">
          This trigger uses {integration} {version || "(no version)"}; the workspace offers {current.entry.version}. Choose it again to use that version.
        </p>
      )}
      {current && current.entry.connections.length > 0 && (
        <ConnectionPicker workspaceId={workspaceId} integration={integration} integrationName={current.entry.name} specs={current.entry.connections} value={app.connectionId} onChange={(c) => onChange(withSetting(node, ["app", "connectionId"], c))} error={issues.get("app.connectionId")} readOnly={readOnly} />
      )}
      {kind === "polling" && current && (
        <NumberSetting
          id={`${id}-interval`}
          label="Poll every"
          unit="s"
          min={minInterval}
          max={86_400}
          value={app.intervalSeconds}
          onChange={(v) => onChange(withSetting(node, ["app", "intervalSeconds"], v))}
          error={issues.get("app.intervalSeconds")}
          description={`${minInterval} s (the integration's shortest) to 86,400 s. Empty: every ${minInterval} s.`}
          disabled={readOnly}
        />
      )}
      {tree && <SchemaForm fields={tree.fields} truncated={tree.truncated} value={config} onChange={setConfig} issues={configIssues} showAll={showAll} readOnly={readOnly} />}
    </div>
  );
}
