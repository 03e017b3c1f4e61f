"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Button } from "../../../../../../_components/button";
import { useToast } from "../../../../../../_components/toast";
import { splitIssues } from "../../../../../../_lib/graph-issues";
import { prettyJson } from "../../../../../../_lib/json-input";
import { codeOf, fieldErrorsOf, messageOf } from "../../../../../../_trpc/errors";
import { useTRPC } from "../../../../../../_trpc/react";
import { GraphCanvas } from "../../../_graph/graph-canvas";
import { looseGraph, type LooseGraph } from "../../../_graph/loose-graph";
import { useWorkspace } from "../../../workspace-context";
import { useWorkflowPage } from "../_page/workflow-page-context";
import { DraftJsonPanel } from "./draft-json-panel";
import { NodeInspector } from "./node-inspector";
import { TriggerPanel } from "./trigger-panel";
import { useUnsavedGuard } from "./use-unsaved-guard";

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * The Editor tab: the draft drawn as a graph next to its JSON. The canvas follows the text as it is typed
 * (the last version that parsed), so a problem the server names on save is marked on the node it belongs to.
 */
export function WorkflowEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ws = useWorkspace();
  const { workflow, setDirty } = useWorkflowPage();
  const saved = useMemo(() => prettyJson(workflow.draftGraph), [workflow.draftGraph]);
  const [baseline, setBaseline] = useState(saved);
  const [text, setText] = useState(saved);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const parsed = useMemo(() => parse(text), [text]);
  const [lastGood, setLastGood] = useState<LooseGraph>(() => looseGraph(workflow.draftGraph));
  const fromText = useMemo(() => (parsed.ok ? looseGraph(parsed.value) : null), [parsed]);
  // While the text does not parse, the canvas keeps showing the last graph that did.
  if (fromText && fromText !== lastGood) setLastGood(fromText);
  const graph = fromText ?? lastGood;
  const dirty = text !== baseline;

  // Someone else saved (the workflow query refetched with a new draft) and we have nothing unsaved: follow it.
  if (saved !== baseline && !dirty) {
    setBaseline(saved);
    setText(saved);
  }

  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  useUnsavedGuard(dirty);

  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const save = useMutation(
    trpc.workflow.saveDraft.mutationOptions({
      onSuccess: async () => {
        toast.show("Draft saved");
        const fresh = await queryClient.fetchQuery({ ...trpc.workflow.get.queryOptions(ids), staleTime: 0 });
        // The server stores the graph with its defaults filled in: show exactly what was saved.
        const savedText = prettyJson(fresh.draftGraph);
        setBaseline(savedText);
        setText(savedText);
      },
    }),
  );
  const onSave = () => parsed.ok && save.mutate({ ...ids, draftRevision: workflow.draftRevision, graph: parsed.value });
  const onRevert = () => {
    setText(baseline);
    save.reset();
  };
  const reloadLatest = async () => {
    const fresh = await queryClient.fetchQuery({ ...trpc.workflow.get.queryOptions(ids), staleTime: 0 });
    const savedText = prettyJson(fresh.draftGraph);
    setBaseline(savedText);
    setText(savedText);
    save.reset();
  };

  const fieldErrors = fieldErrorsOf(save.error);
  const { byNode } = useMemo(() => splitIssues(fieldErrors), [fieldErrors]);
  const conflict = codeOf(save.error) === "CONFLICT";
  const message = !save.error || Object.keys(fieldErrors).length > 0 ? null : conflict ? (
    <div role="alert" data-testid="draft-conflict" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      <p>{messageOf(save.error)}</p>
      <Button size="sm" variant="secondary" onClick={reloadLatest}>
        Load their version (discards yours)
      </Button>
    </div>
  ) : (
    messageOf(save.error)
  );
  const trigger = graph.nodes.find((n) => n.kind === "trigger") ?? null;
  // The webhook section's preset picker edits the draft's JSON like typing would (only while it parses).
  const setWebhookPreset = (preset: string) => {
    if (!parsed.ok) return;
    const g = parsed.value as { nodes?: Record<string, unknown>[] };
    const nodes = (g.nodes ?? []).map((n) => (n.kind === "trigger" ? { ...n, webhook: { ...(n.webhook as object | undefined), verification: { preset } } } : n));
    setText(prettyJson({ ...g, nodes }));
  };

  return (
    <div className="space-y-4">
      <GraphCanvas key={graph.nodes.map((n) => n.id).join(",")} graph={graph} issues={byNode} selectedId={selectedId} onSelect={setSelectedId} label="Workflow canvas" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <DraftJsonPanel
          text={text}
          onChange={setText}
          readOnly={!ws.canEdit}
          dirty={dirty}
          saving={save.isPending}
          onSave={onSave}
          onRevert={onRevert}
          syntaxError={parsed.ok ? null : parsed.error}
          fieldErrors={fieldErrors}
          message={message}
        />
        <div className="min-w-0 space-y-4">
          <TriggerPanel trigger={trigger} ids={ids} onWebhookPreset={ws.canEdit && parsed.ok ? setWebhookPreset : undefined} />
          <NodeInspector nodes={graph.nodes} selectedId={selectedId} onSelect={setSelectedId} issues={(selectedId && byNode.get(selectedId)) || []} />
        </div>
      </div>
    </div>
  );
}
