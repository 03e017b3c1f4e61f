"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useMapping } from "@/app/_components/mapping/mapping-context";
import type { OptionsLoader } from "@/app/_components/schema-form/form-context";
import { SchemaForm } from "@/app/_components/schema-form/schema-form";
import { prettyJson } from "@/app/_lib/json-input";
import { buildFields, type Option } from "@/app/_lib/schema-form/fields";
import { hintsFor } from "@/app/_lib/schema-form/hints";
import { rootMapSchema, unwrapRootMap, wrapIssues, wrapRootMap } from "@/app/_lib/schema-form/root-map";
import { issuesUnder, stepIssues } from "@/app/_lib/schema-form/step-issues";
import { useTRPC } from "@/app/_trpc/react";
import { BUILTIN_ACTIONS, CORE } from "@/workflows/actions/catalog";
import { ConnectionPicker } from "./connection-picker";
import { BranchForm, DelayForm, LoopForm, MergeForm, StopForm } from "./control-forms";
import { SettingsForm } from "./settings-form";
import { TriggerConfig } from "./trigger-config";

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

type Props = {
  node: Raw;
  workspaceId: string;
  /** The whole next node: the editor writes it into the draft (later through its undo model). */
  onChange: (next: Raw) => void;
  readOnly: boolean;
  /** A save was refused with problems on this node: show every problem, not only those of touched fields. */
  showAll: boolean;
};

/** The selected node's configuration: a form for its kind, its problems inline as you type. */
export function StepConfig({ node, workspaceId, onChange, readOnly, showAll }: Props) {
  const kind = node.kind;
  const mapping = useMapping();
  if (kind === "action") return <ActionConfig node={node} workspaceId={workspaceId} onChange={onChange} readOnly={readOnly} showAll={showAll} />;
  if (kind === "trigger") return <TriggerConfig node={node} workspaceId={workspaceId} onChange={onChange} readOnly={readOnly} showAll={showAll} />;
  const issues = withReferenceProblems(stepIssues(node), mapping?.problems);
  const props = { node, onChange, issues, readOnly };
  if (kind === "branch") return <BranchForm {...props} />;
  if (kind === "loop") return <LoopForm {...props} />;
  if (kind === "delay") return <DelayForm {...props} />;
  if (kind === "stop") return <StopForm {...props} />;
  if (kind === "merge") return <MergeForm {...props} />;
  return null;
}

function ActionConfig({ node, workspaceId, onChange, readOnly, showAll }: Props) {
  const trpc = useTRPC();
  const [tab, setTab] = useState<"input" | "settings">("input");
  const ref = isObject(node.action) ? node.action : {};
  const integration = typeof ref.integration === "string" ? ref.integration : "";
  const key = typeof ref.key === "string" ? ref.key : "";
  const version = typeof ref.version === "string" ? ref.version : "";
  const catalog = useQuery({ ...trpc.integration.catalog.queryOptions({ workspaceId }), enabled: integration !== "core" && integration !== "" });
  const entry = catalog.data?.find((e) => e.slug === integration);
  // The form is only as right as the schema: a step pinned to a version the catalog does not offer keeps JSON.
  const action = integration === CORE ? builtinAction(key) : entry?.version === version ? entry.actions.find((a) => a.key === key) : undefined;
  const input = isObject(node.input) ? node.input : {};
  // A record at the top (the Set step's fields) is drawn as one map field and read and written through it.
  const rootMap = useMemo(() => (action ? rootMapSchema(action.input) : null), [action]);
  const tree = useMemo(() => (action ? buildFields(rootMap ?? action.input, { dynamicOptions: action.dynamicOptions, hints: hintsFor(integration, key) }) : null), [action, rootMap, integration, key]);
  const references = useMapping()?.problems;
  const issues = useMemo(() => withReferenceProblems(stepIssues(node, action?.input), references), [node, action, references]);
  const options = useMutation(trpc.integration.options.mutationOptions());
  const { mutateAsync } = options;
  const connectionId = typeof node.connectionId === "string" ? node.connectionId : undefined;
  const loadOptions = useCallback<OptionsLoader>(
    (field, values, search) => mutateAsync({ workspaceId, integration, version, action: key, field, input: values, search, connectionId }).then((r) => r.options.filter(isScalarOption)),
    [mutateAsync, workspaceId, integration, version, key, connectionId],
  );
  const setInput = useCallback((next: Raw) => onChange({ ...node, input: rootMap ? unwrapRootMap(next) : next }), [node, onChange, rootMap]);
  const inputIssues = rootMap ? wrapIssues(issuesUnder(issues, "input.")) : issuesUnder(issues, "input.");
  const settingsIssues = issuesUnder(issues, "settings.");
  const tabs = [
    { id: "input" as const, label: "Input", problems: issuesUnder(issues, "input.").size + (issues.has("input") ? 1 : 0) },
    { id: "settings" as const, label: "Settings", problems: settingsIssues.size },
  ];

  return (
    <div className="space-y-3">
      {action && <p className="text-xs text-zinc-600 dark:text-zinc-400">{action.description}</p>}
      <div role="tablist" aria-label="Step configuration" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`step-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`step-panel-${t.id}`}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${tab === t.id ? "border-indigo-500 text-indigo-700 dark:text-indigo-300" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
          >
            {t.label}
            {t.problems > 0 && (showAll || t.id !== tab) && (
              <span className="ml-1.5 rounded-full bg-red-100 px-1.5 text-xs text-red-700 dark:bg-red-950 dark:text-red-300" aria-label={`${t.problems} problem${t.problems === 1 ? "" : "s"}`}>
                {t.problems}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`step-panel-${tab}`} aria-labelledby={`step-tab-${tab}`} className="space-y-4">
        {tab === "input" ? (
          <>
            {entry && entry.connections.length > 0 && (
              <ConnectionPicker workspaceId={workspaceId} integration={integration} integrationName={entry.name} specs={entry.connections} value={node.connectionId} onChange={(id) => onChange(withKey(node, "connectionId", id))} error={issues.get("connectionId")} readOnly={readOnly} />
            )}
            {tree ? (
              <SchemaForm fields={tree.fields} truncated={tree.truncated} value={rootMap ? wrapRootMap(input) : input} onChange={setInput} issues={inputIssues} showAll={showAll} readOnly={readOnly} loadOptions={readOnly ? undefined : loadOptions} />
            ) : (
              <div className="space-y-2">
                <pre tabIndex={0} className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">{prettyJson(input)}</pre>
                <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-input-form">
                  {integration === CORE
                    ? `There is no built-in step "${key}"; choose another step.`
                    : catalog.isPending
                      ? "Loading the step's fields…"
                      : entry
                        ? `This step uses version ${version}; the workspace offers ${entry.version}. Edit its input in the JSON view.`
                        : "This integration is not available in this workspace; edit its input in the JSON view."}
                </p>
              </div>
            )}
          </>
        ) : (
          <SettingsForm settings={node.settings} onChange={(s) => onChange(withKey(node, "settings", Object.keys(s).length ? s : undefined))} issues={settingsIssues} readOnly={readOnly} sandboxed={integration !== "core"} />
        )}
      </div>
    </div>
  );
}

/** A built-in step's form comes from the schema the engine checks it against (workflows/actions/builtin-inputs.ts). */
function builtinAction(key: string): { description: string; input: Record<string, unknown>; dynamicOptions: [] } | undefined {
  const spec = Object.hasOwn(BUILTIN_ACTIONS, key) ? BUILTIN_ACTIONS[key] : undefined;
  return spec?.inputSchema ? { description: spec.description, input: spec.inputSchema, dynamicOptions: [] } : undefined;
}

/** A choice a select can hold; a loader's object-valued choice is left out rather than shown as "[object Object]". */
function isScalarOption(o: { label: string; value: unknown }): o is Option {
  return typeof o.value === "string" || typeof o.value === "number" || typeof o.value === "boolean";
}

/** The reference problems (the server's check, computed here as you type) beside the field's own; its own come first. */
function withReferenceProblems(issues: Map<string, string>, references: Map<string, string> | undefined): Map<string, string> {
  if (!references?.size) return issues;
  const out = new Map(issues);
  for (const [field, message] of references) if (!out.has(field)) out.set(field, message);
  return out;
}

function withKey(node: Raw, key: string, value: unknown): Raw {
  const next = { ...node };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
