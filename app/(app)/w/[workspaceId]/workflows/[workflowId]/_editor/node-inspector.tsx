"use client";
import { SelectField, TextField } from "@/app/_components/field";
import type { NodeIssue } from "@/app/_lib/graph-issues";
import { prettyJson } from "@/app/_lib/json-input";
import { nodeSummary, type LooseNode } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { StepConfig } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_config/step-config";
import { StepIdField } from "./step-id-field";

type Props = {
  nodes: LooseNode[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  issues: NodeIssue[];
  /** The step edited (its whole next value, same id); the editor records it as one undoable change. Absent: read-only. */
  onChange?: (next: { id: string; [field: string]: unknown }) => void;
  workspaceId: string;
  /** Renames the selected step's id (references rewritten); the reason when it cannot. Absent: read-only. */
  onRename?: (from: string, to: string) => string | null;
  /** Why the form is read-only while the user could otherwise edit (the draft has a problem the form cannot show). */
  readOnlyReason?: string;
};

const SHOWN_ELSEWHERE = new Set(["id", "kind", "label", "position", "input", "settings"]);
/** Every kind has a form; what a form does not edit (a key from a newer schema, say) is still shown, as JSON. */
const WITH_FORM = new Set(["trigger", "action", "branch", "loop", "merge", "delay", "stop"]);
const FORM_KEYS = new Set(["action", "connectionId", "connectionRef", "mode", "expression", "cases", "items", "concurrency", "continueOnItemFailure", "durationMs", "until", "outcome", "message", "trigger", "schedule", "app", "webhook"]);

/** The selected node: what it is, its problems, and a form for its configuration (the JSON view edits the same draft). */
export function NodeInspector({ nodes, selectedId, onSelect, issues, workspaceId, onChange, onRename, readOnlyReason }: Props) {
  const node = nodes.find((n) => n.id === selectedId) ?? null;
  const hasForm = node !== null && WITH_FORM.has(node.kind);
  const rest = node ? Object.fromEntries(Object.entries(node.raw).filter(([k]) => !SHOWN_ELSEWHERE.has(k) && !(hasForm && FORM_KEYS.has(k)))) : {};
  return (
    <section aria-label="Node details" data-testid="node-inspector" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <SelectField
        label="Node"
        value={node?.id ?? ""}
        onChange={(e) => onSelect(e.target.value || null)}
        options={[{ value: "", label: nodes.length ? "Choose a node (or click one on the canvas)" : "No nodes yet" }, ...nodes.map((n) => ({ value: n.id, label: `${n.label ?? n.id} (${n.kind})` }))]}
      />
      {node && (
        <div className="mt-4 space-y-3 text-sm">
          <p className="text-zinc-600 dark:text-zinc-400">
            <span className="font-mono text-xs">{node.id}</span> · {nodeSummary(node)}
          </p>
          {issues.length > 0 && (
            // The alert is a wrapper: role="alert" on the <ul> itself would take its list role away (axe: listitem).
            <div role="alert">
              <ul aria-label={`Problems with ${node.id}`} className="list-disc space-y-0.5 rounded-md bg-red-50 py-2 pr-3 pl-7 text-red-700 dark:bg-red-950/40 dark:text-red-300">
                {issues.map((i) => (
                  <li key={`${i.field}:${i.message}`}>
                    {i.field && <span className="font-mono text-xs">{i.field}: </span>}
                    {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TextField
            label="Name"
            value={typeof node.raw.label === "string" ? node.raw.label : ""}
            placeholder={node.id}
            maxLength={200}
            disabled={!onChange}
            onChange={(e) => onChange?.({ ...withLabel(node.raw, e.target.value), id: node.id })}
          />
          <StepIdField id={node.id} onRename={onRename} />
          {readOnlyReason && <p className="text-xs text-amber-700 dark:text-amber-300">{readOnlyReason}</p>}
          {hasForm ? (
            <StepConfig key={node.id} node={node.raw} workspaceId={workspaceId} onChange={(next) => onChange?.({ ...next, id: node.id })} readOnly={!onChange} showAll={issues.length > 0} />
          ) : (
            <>
              <JsonBlock title="Input" value={node.raw.input} empty="No input." />
              <JsonBlock title="Settings" value={node.raw.settings} empty="Defaults (fail on error, no retries beyond the engine's)." />
            </>
          )}
          {Object.keys(rest).length > 0 && <JsonBlock title="Configuration" value={rest} empty="" />}
        </div>
      )}
    </section>
  );
}

function JsonBlock({ title, value, empty }: { title: string; value: unknown; empty: string }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
      {value === undefined ? (
        <p className="text-zinc-500 dark:text-zinc-400">{empty}</p>
      ) : (
        <pre tabIndex={0} className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">{prettyJson(value)}</pre>
      )}
    </div>
  );
}

function withLabel(raw: Record<string, unknown>, label: string): Record<string, unknown> {
  const next = { ...raw };
  if (label === "") delete next.label;
  else next.label = label;
  return next;
}
