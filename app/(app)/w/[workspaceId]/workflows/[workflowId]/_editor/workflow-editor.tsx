"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useState } from "react";
import { Button } from "@/app/_components/button";
import { useToast } from "@/app/_components/toast";
import { copySelection, parseSelection, pasteSelection, selectionText } from "@/app/_lib/graph-edit/clipboard";
import { toDoc, type Doc, type DocNode } from "@/app/_lib/graph-edit/doc";
import { serializeHistory } from "@/app/_lib/graph-edit/history";
import { mergeDocs, type MergeResult } from "@/app/_lib/graph-edit/merge";
import { fieldChanges, moveNodesOp, removeNodesOp, setNodeOp, type Op } from "@/app/_lib/graph-edit/ops";
import { problemsByNode, splitIssues } from "@/app/_lib/graph-issues";
import { codeOf, fieldErrorsOf, messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { GraphCanvas } from "@/app/(app)/w/[workspaceId]/_graph/graph-canvas";
import { layoutGraph, type Point } from "@/app/(app)/w/[workspaceId]/_graph/graph-layout";
import { looseGraph, type LooseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { ProblemList } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/problem-list";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";
import { draftReducer, initialDraft } from "./draft-document";
import { DraftJsonPanel } from "./draft-json-panel";
import { EditorToolbar } from "./editor-toolbar";
import { MergeDialog } from "./merge-dialog";
import { NodeInspector } from "./node-inspector";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TriggerPanel } from "./trigger-panel";
import { useCanvasShortcuts } from "./use-canvas-shortcuts";
import { useUnsavedGuard } from "./use-unsaved-guard";

/**
 * The Editor tab: the draft drawn as a graph next to its JSON. Both edit one document through operations (see
 * draft-document.ts), so every edit — a step deleted on the canvas, a paste, a field typed in the JSON — can be
 * undone, and the undo history is saved with the draft. A problem the server names on save is marked on its node.
 */
export function WorkflowEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ws = useWorkspace();
  // The selection lives with the page: the publish dialog's problems list selects the node a problem names.
  const { workflow, setDirty, selection, setSelection } = useWorkflowPage();
  const [state, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(workflow.draftGraph, workflow.draftRevision, workflow.draftHistory));
  const [sheetOpen, setSheetOpen] = useState(false);
  const [fitSignal, setFitSignal] = useState(0);
  const [merge, setMerge] = useState<{ result: MergeResult; revision: number; value: unknown; history: unknown } | null>(null);
  const [lastGood, setLastGood] = useState<LooseGraph>(() => looseGraph(workflow.draftGraph));
  const fromDoc = useMemo(() => (state.doc && !state.problem ? looseGraph(state.doc) : null), [state.doc, state.problem]);
  // While the text does not parse, the canvas keeps showing the last graph that did.
  if (fromDoc && fromDoc !== lastGood) setLastGood(fromDoc);
  const graph = fromDoc ?? lastGood;
  const dirty = state.text !== state.base.text;
  // A graph typed or loaded with a different number of steps is fitted in view again (canvas edits keep the view).
  const [fittedCount, setFittedCount] = useState(graph.nodes.length);
  if (graph.nodes.length !== fittedCount) {
    setFittedCount(graph.nodes.length);
    if (state.origin !== "canvas") setFitSignal((n) => n + 1);
  }
  const editable = ws.canEdit && state.problem === null;
  const selected = useMemo(() => new Set(selection.filter((id) => graph.nodes.some((n) => n.id === id))), [selection, graph]);
  const selectedId = selected.size === 1 ? [...selected][0]! : null;

  // Someone else saved (the workflow query refetched with a new draft) and we have nothing unsaved: follow it.
  if (workflow.draftRevision !== state.base.revision && !dirty && !merge) {
    dispatch({ type: "load", value: workflow.draftGraph, revision: workflow.draftRevision, history: workflow.draftHistory });
  }

  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  useUnsavedGuard(dirty);
  // Each notice once: the reducer makes a new notice object only for a new message.
  const notice = state.notice;
  useEffect(() => {
    if (notice) toast.show(notice.text, notice.tone);
  }, [notice, toast]);

  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const fetchLatest = () => queryClient.fetchQuery({ ...trpc.workflow.get.queryOptions(ids), staleTime: 0 });
  const save = useMutation(
    trpc.workflow.saveDraft.mutationOptions({
      onSuccess: async (saved) => {
        // A draft with problems is saved all the same; publishing waits until they are fixed.
        const problems = saved.problems.length;
        const note = problems === 0 ? "Draft saved" : `Draft saved with ${problems} problem${problems === 1 ? "" : "s"} to fix before publishing`;
        toast.show(saved.historyNote ?? note, saved.historyNote ? "error" : "success");
        const fresh = await fetchLatest();
        dispatch({ type: "saved", value: fresh.draftGraph, revision: fresh.draftRevision });
      },
      onError: async (error) => {
        // A stale revision: merge with what was saved, per step, and ask about steps both sides changed.
        if (codeOf(error) !== "CONFLICT" || !state.doc || state.problem) return;
        const fresh = await fetchLatest();
        const theirs = toDoc(fresh.draftGraph);
        const base = toDoc(state.base.value);
        if (!theirs.ok || !base.ok) return;
        setMerge({ result: mergeDocs(base.doc, state.doc, theirs.doc), revision: fresh.draftRevision, value: fresh.draftGraph, history: fresh.draftHistory });
      },
    }),
  );
  const canSave = ws.canEdit && dirty && !save.isPending && state.parses;
  const onSave = () => {
    let value: unknown;
    try {
      value = JSON.parse(state.text);
    } catch {
      return;
    }
    save.mutate({ ...ids, draftRevision: state.base.revision, graph: value, history: state.problem ? null : serializeHistory(state.history) });
  };
  const onRevert = () => {
    dispatch({ type: "load", value: state.base.value, revision: state.base.revision, history: null });
    save.reset();
  };
  const reloadLatest = async () => {
    const fresh = await fetchLatest();
    dispatch({ type: "load", value: fresh.draftGraph, revision: fresh.draftRevision, history: fresh.draftHistory });
    setMerge(null);
    save.reset();
  };

  const edit = (build: (doc: Doc) => Op | null | { error: string }, options: { key?: string; done?: string } = {}) => {
    if (!ws.canEdit) return;
    dispatch({ type: "edit", build, now: Date.now(), ...options });
  };
  const pasteText = (text: string) => {
    if (!ws.canEdit) return;
    const parsed = parseSelection(text);
    if (!parsed.ok) return dispatch({ type: "notice", text: parsed.error });
    if (!state.doc || state.problem) return edit(() => null);
    const p = pasteSelection(state.doc, parsed.selection);
    if (!p.ok) return dispatch({ type: "notice", text: p.error });
    // Built against this render's draft; if the draft moved on meanwhile, applying it reports a conflict instead.
    edit(() => p.op);
    if (p.notes.length) dispatch({ type: "notice", text: p.notes.join(" ") });
    setSelection(p.ids);
  };
  const copyText = () => (state.doc && selected.size ? selectionText(copySelection(state.doc, selected)) : null);
  const remove = () => edit((doc) => removeNodesOp(doc, selected));
  const commands = {
    undo: () => ws.canEdit && dispatch({ type: "undo" }),
    redo: () => ws.canEdit && dispatch({ type: "redo" }),
    copyText,
    cut: remove,
    paste: pasteText,
    duplicate: () => {
      const text = copyText();
      if (text) pasteText(text);
    },
    remove,
    selectAll: () => setSelection(graph.nodes.map((n) => n.id)),
    save: () => canSave && onSave(),
    fitView: () => setFitSignal((n) => n + 1),
    showShortcuts: () => setSheetOpen(true),
  };
  useCanvasShortcuts(commands, true);

  const onMove = (positions: Map<string, Point>) => edit((doc) => moveNodesOp(doc, positions));
  const tidyUp = () => edit((doc) => moveNodesOp(doc, layoutGraph(doc.nodes, doc.edges)), { done: "Tidied up" });
  // The step form (node inspector) edits one step: typing in one field is one undo step per pause.
  const onNodeChange = (next: DocNode) => {
    const current = state.doc?.nodes.find((n) => n.id === next.id);
    const fields = current ? fieldChanges(current, next).map((f) => f.key) : [];
    edit((doc) => setNodeOp(doc, next), { key: `field:${next.id}:${fields.join(",")}` });
  };
  // The webhook section's preset picker edits the trigger like any other field.
  const setWebhookPreset = (preset: string) =>
    edit((doc) => {
      const t = doc.nodes.find((n) => n.kind === "trigger");
      return t ? setNodeOp(doc, { ...t, webhook: { ...(t.webhook as object | undefined), verification: { preset } } }) : null;
    });

  const fieldErrors = fieldErrorsOf(save.error);
  // The saved draft's problems (they block publishing), and a refused save's errors (a graph that cannot be stored).
  const byNode = useMemo(() => {
    const merged = problemsByNode(workflow.draftProblems);
    for (const [id, issues] of splitIssues(fieldErrors).byNode) merged.set(id, [...(merged.get(id) ?? []), ...issues]);
    return merged;
  }, [workflow.draftProblems, fieldErrors]);
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

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <EditorToolbar
          canEdit={editable}
          canUndo={editable && state.history.undo.length > 0}
          canRedo={editable && state.history.redo.length > 0}
          hasSelection={selected.size > 0}
          onUndo={commands.undo}
          onRedo={commands.redo}
          onDelete={remove}
          onDuplicate={commands.duplicate}
          onTidy={tidyUp}
          onShortcuts={() => setSheetOpen(true)}
          problem={ws.canEdit && state.parses ? state.problem : null}
        />
        <GraphCanvas
          graph={graph}
          issues={byNode}
          selectedIds={selected}
          onSelectionChange={setSelection}
          onMove={editable ? onMove : undefined}
          fitViewSignal={fitSignal}
          label="Workflow canvas"
        />
        <ProblemList problems={workflow.draftProblems} title="Problems to fix before publishing" onSelect={(id) => setSelection([id])} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <DraftJsonPanel
          text={state.text}
          onChange={(text) => dispatch({ type: "typed", text, now: Date.now() })}
          readOnly={!ws.canEdit}
          dirty={dirty}
          saving={save.isPending}
          onSave={onSave}
          onRevert={onRevert}
          syntaxError={state.parses ? null : state.problem}
          fieldErrors={fieldErrors}
          message={message}
        />
        <div className="min-w-0 space-y-4">
          <TriggerPanel trigger={trigger} ids={ids} onWebhookPreset={editable ? setWebhookPreset : undefined} />
          <NodeInspector
            nodes={graph.nodes}
            selectedId={selectedId}
            onSelect={(id) => setSelection(id ? [id] : [])}
            issues={(selectedId && byNode.get(selectedId)) || []}
            onChange={editable ? onNodeChange : undefined}
            workspaceId={workflow.workspaceId}
            readOnlyReason={ws.canEdit && !editable ? "Fix the draft in the JSON view to edit with the form." : undefined}
          />
        </div>
      </div>
      <ShortcutsDialog open={sheetOpen} onClose={() => setSheetOpen(false)} />
      <MergeDialog
        key={merge?.revision ?? 0}
        result={merge?.result ?? null}
        onClose={() => setMerge(null)}
        onTakeTheirs={reloadLatest}
        onApply={(merged) => {
          if (!merge) return;
          dispatch({ type: "rebase", merged, revision: merge.revision, value: merge.value, now: Date.now() });
          setMerge(null);
          save.reset();
        }}
      />
    </div>
  );
}
